import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type RouteHandler = (req: Request) => Promise<Response>;

/** A notification as it came over the wire, kept so a test can replay or tamper with it. */
export interface CapturedNotification {
  path: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  /** What the route answered (null while held). */
  status: number | null;
}

export interface NotifyRelay {
  /** http://127.0.0.1:PORT — the app's PAYMENT_NOTIFY_BASE_URL while the test runs. */
  baseUrl: string;
  /** Every notification received, in order. */
  received: CapturedNotification[];
  /** While true, notifications are kept but not handed to the route (answered 503, as an app that is down). */
  hold: boolean;
  /** Hands a notification (captured, or made from one) to its route now, as the relay would. */
  deliver(n: Pick<CapturedNotification, "path" | "headers" | "body"> & { method?: string }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A plain HTTP server in the test process standing in for the app's public origin: the sandbox
 * process POSTs its asynchronous notifications here over the network, and each one is handed
 * as a Fetch `Request` to the exported handler of the route file that serves that path
 * (app/api/payments/…/notify/route.ts), so the notification takes the same code path as in
 * production, only without Next's router in front.
 */
export async function startNotifyRelay(routes: Record<string, RouteHandler>): Promise<NotifyRelay> {
  const relay: NotifyRelay = {
    baseUrl: "",
    received: [],
    hold: false,
    deliver: async (n) => {
      const route = routes[n.path];
      if (!route) return new Response(null, { status: 404 });
      const method = n.method ?? "POST";
      return route(new Request(`http://127.0.0.1${n.path}`, { method, headers: n.headers, body: method === "GET" ? undefined : n.body }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? "/", "http://relay").pathname;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
      const captured: CapturedNotification = { path, method: req.method ?? "POST", headers, body: (await readBody(req)).toString("utf8"), status: null };
      relay.received.push(captured);
      if (relay.hold) {
        res.writeHead(503).end();
        return;
      }
      const answer = await relay.deliver(captured);
      captured.status = answer.status;
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    })().catch((e: unknown) => {
      console.error("[notify-relay]", e);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  relay.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return relay;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
