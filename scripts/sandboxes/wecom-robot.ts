import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { readBody } from "./read-body";

/**
 * A local stand-in for WeCom (企业微信) group robots, as a separate HTTP server speaking the robot
 * API: POST /cgi-bin/webhook/send?key=KEY with `{ "msgtype": "markdown", "markdown": { "content" } }`
 * (or text) answers `{ "errcode": 0, "errmsg": "ok" }`; an unknown key answers errcode 93000
 * ("invalid webhook url") as WeCom does, content over 4096 bytes 40058, a wrong msgtype 40008.
 * Every key of the form `demo-…` or `test-…` is a robot. What a robot got is kept in memory:
 * GET /messages?key=… lists it. It can be told to fail: POST /fail?key=…&mode=http500|errcode|off.
 *
 * Standalone: `npx tsx scripts/sandboxes/wecom-robot.ts [--port 4020]` prints WECOM_SANDBOX_URL.
 */

export interface RobotMessage {
  key: string;
  msgtype: string;
  content: string;
  /** The sender's delivery id header, when it sent one. */
  deliveryId: string | null;
  receivedAt: string;
}

export type FailMode = "http500" | "errcode" | "off";

export interface WecomSandbox {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The robot URL for a key, as an admin would paste it. */
  robotUrl(key: string): string;
  messages(key?: string): RobotMessage[];
  fail(key: string, mode: FailMode): void;
  close(): Promise<void>;
}

const KNOWN_KEY = /^(demo|test)-[A-Za-z0-9-]{1,60}$/;
const MAX_CONTENT_BYTES = 4096;

export async function startWecomSandbox(options: { port?: number; host?: string } = {}): Promise<WecomSandbox> {
  const messages: RobotMessage[] = [];
  const failing = new Map<string, FailMode>();
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, { errcode: -1, errmsg: "system error" }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const key = url.searchParams.get("key") ?? "";
    if (req.method === "GET" && url.pathname === "/messages") return send(res, 200, { messages: key ? messages.filter((m) => m.key === key) : messages });
    if (req.method === "GET" && url.pathname === "/health") return send(res, 200, { ok: true });
    if (req.method === "POST" && url.pathname === "/fail") {
      const mode = (url.searchParams.get("mode") ?? "off") as FailMode;
      if (mode === "off") failing.delete(key);
      else failing.set(key, mode);
      return send(res, 200, { ok: true });
    }
    if (req.method !== "POST" || url.pathname !== "/cgi-bin/webhook/send") return send(res, 404, { errcode: 404, errmsg: "not found" });
    const raw = await readBody(req, 64 * 1024);
    if (!KNOWN_KEY.test(key)) return send(res, 200, { errcode: 93000, errmsg: "invalid webhook url, hint: [sandbox], more info at https://open.work.weixin.qq.com/devtool/query?e=93000" });
    const mode = failing.get(key);
    if (mode === "http500") return send(res, 500, { errcode: -1, errmsg: "system busy (sandbox told to fail)" });
    if (mode === "errcode") return send(res, 200, { errcode: 45009, errmsg: "api freq out of limit (sandbox told to fail)" });
    let body: { msgtype?: unknown; markdown?: { content?: unknown }; text?: { content?: unknown } };
    try {
      body = JSON.parse(raw?.toString("utf8") ?? "") as typeof body;
    } catch {
      return send(res, 200, { errcode: 40001, errmsg: "invalid json" });
    }
    const part = body.msgtype === "markdown" ? body.markdown : body.msgtype === "text" ? body.text : undefined;
    if (!part) return send(res, 200, { errcode: 40008, errmsg: "invalid message type" });
    if (typeof part.content !== "string" || part.content.length === 0) return send(res, 200, { errcode: 44004, errmsg: "empty content" });
    if (Buffer.byteLength(part.content, "utf8") > MAX_CONTENT_BYTES) return send(res, 200, { errcode: 40058, errmsg: "markdown.content exceed max length 4096" });
    const delivery = req.headers["x-tuihuanhuo-delivery"];
    messages.push({ key, msgtype: body.msgtype as string, content: part.content, deliveryId: typeof delivery === "string" ? delivery : null, receivedAt: new Date().toISOString() });
    return send(res, 200, { errcode: 0, errmsg: "ok" });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host ?? "127.0.0.1"}:${port}`;
  return {
    origin,
    robotUrl: (key) => `${origin}/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`,
    messages: (key) => (key ? messages.filter((m) => m.key === key) : [...messages]),
    fail: (key, mode) => (mode === "off" ? failing.delete(key) : failing.set(key, mode)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/** Run directly: start on --port (default 4020) and print where the robots are. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.WECOM_SANDBOX_PORT ?? 4020);
  const sandbox = await startWecomSandbox({ port });
  console.log(`WeCom robot sandbox on ${sandbox.origin}: robots are ${sandbox.robotUrl("demo-<name>")}; what they got: ${sandbox.origin}/messages?key=…`);
  console.log(`WECOM_SANDBOX_URL=${sandbox.origin}`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
