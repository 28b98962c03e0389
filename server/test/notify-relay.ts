import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type RouteHandler = (req: Request) => Promise<Response>;

export interface NotifyRelay {
  /** http://127.0.0.1:PORT — the app's PAYMENT_NOTIFY_BASE_URL while the test runs. */
  baseUrl: string;
  /** Notifications received, by path, with the status the route answered. */
  received: { path: string; status: number }[];
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
  const received: NotifyRelay["received"] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? "/", "http://relay").pathname;
      const route = routes[path];
      if (!route) {
        res.writeHead(404).end();
        received.push({ path, status: 404 });
        return;
      }
      const body = await readBody(req);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const answer = await route(new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: req.method, headers, body: req.method === "GET" ? undefined : new Uint8Array(body) }));
      received.push({ path, status: answer.status });
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    })().catch((e: unknown) => {
      console.error("[notify-relay]", e);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
