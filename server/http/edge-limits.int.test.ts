import { mkdtempSync, rmSync } from "node:fs";
import { request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { uploadPhoto } from "../api/photo-routes";
import { PUBLIC_IP_LIMITS } from "../api/ip-limits";
import { handleTrpcRequest } from "../api/trpc-handler";
import { TRPC_MAX_BATCH, TRPC_MAX_BODY_BYTES } from "../api/trpc-limits";
import { clientIp } from "../auth/client-ip";
import { LocalDiskStorage } from "../storage";
import { createTestDatabase } from "../test/db";
import { makeOrder, testContext } from "../test/fixtures";
import { createEdgeServer } from "./edge-server";

/**
 * The request path as in production, minus Next: a real HTTP server with the edge's client
 * policy, the request handed on as Next hands it to a route (the Node request as the body stream),
 * the real tRPC and photo handlers, the real database.
 */
const { db } = await createTestDatabase();
const dir = mkdtempSync(path.join(os.tmpdir(), "edge-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const storage = new LocalDiskStorage(dir);
const MB = 1024 * 1024;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function toWebRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body: hasBody ? (req as unknown as ReadableStream) : null, duplex: "half" } as RequestInit);
}

async function listen(route: (req: Request) => Promise<Response> | Response): Promise<number> {
  server = createEdgeServer(
    async (req, res) => {
      const answer = await route(toWebRequest(req));
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    },
    { trustProxyHops: 0 },
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server!.address() as AddressInfo).port;
}

interface Answer {
  status: number;
  body: string;
}

function send(port: number, method: string, urlPath: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path: urlPath, headers: { origin: `http://127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("per-IP limits through the edge", () => {
  it("a client that forges a fresh X-Forwarded-For on every call is still limited as one address", async () => {
    const port = await listen((req) => handleTrpcRequest(req, async (r) => testContext(db, { ip: clientIp(r.headers) })));
    const { limit } = PUBLIC_IP_LIMITS["customer.signOut"];
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) {
      const forged = `198.51.${Math.floor(i / 250)}.${i % 250}`;
      const answer = await send(port, "POST", "/api/trpc/customer.signOut", { "content-type": "application/json", "x-forwarded-for": forged }, "{}");
      statuses.push(answer.status);
      if (i === limit) expect(JSON.parse(answer.body).error.json.data.appCode).toBe("rate_limited");
    }
    expect(statuses.slice(0, limit).every((s) => s === 200)).toBe(true);
    expect(statuses[limit]).toBe(429);
  });
});

describe("request bodies", () => {
  it("a 200 MB chunked photo upload without Content-Length is cut off at the limit: 413, localized, server memory flat", async () => {
    const made = await makeOrder(db, [{ priceFen: 8000 }]);
    const port = await listen((req) => uploadPhoto(req, testContext(db, { customer: made.customer, customerToken: "t", ip: clientIp(req.headers) }), storage));

    // Let earlier garbage go so the baseline is honest; sample RSS while the upload runs.
    (globalThis as { gc?: () => void }).gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);

    const total = 200 * MB;
    const block = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const answer = await new Promise<Answer>((resolve, reject) => {
      let answered = false;
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/photos",
          headers: { origin: `http://127.0.0.1:${port}`, "content-type": "multipart/form-data; boundary=XYZ", "transfer-encoding": "chunked" },
        },
        (res) => {
          answered = true;
          let text = "";
          res.on("data", (c: Buffer) => (text += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", (e) => (answered ? undefined : reject(e)));
      req.write('--XYZ\r\nContent-Disposition: form-data; name="photo"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n');
      const pump = () => {
        while (!answered && sent < total) {
          sent += block.length;
          if (!req.write(block)) return void req.once("drain", pump);
        }
        if (!answered) req.end("\r\n--XYZ--\r\n");
      };
      pump();
    });
    clearInterval(sampler);

    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ code: "photo_too_large", message: "图片太大（最大 15 MB）" });
    expect(sent).toBeLessThan(total);
    // Reading the whole body (the old behaviour) grows the process by well over 200 MB.
    const grewMb = (peak - baseline) / MB;
    expect(grewMb).toBeLessThan(100);
  }, 120_000);

  it("a declared Content-Length over the limit gets its 413 (the connection is not reset)", async () => {
    const made = await makeOrder(db, [{ priceFen: 8000 }]);
    const port = await listen((req) => uploadPhoto(req, testContext(db, { customer: made.customer, customerToken: "t", ip: clientIp(req.headers) }), storage));
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/photos",
          headers: { origin: `http://127.0.0.1:${port}`, "content-type": "multipart/form-data; boundary=XYZ", "content-length": String(200 * MB) },
        },
        (res) => {
          let text = "";
          res.on("data", (c: Buffer) => (text += c.toString()));
          res.on("end", () => {
            resolve({ status: res.statusCode ?? 0, body: text });
            req.destroy();
          });
        },
      );
      req.on("error", (e) => reject(e));
      req.write(Buffer.alloc(MB, 0x61));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).code).toBe("photo_too_large");
  });

  it("an oversized tRPC body is refused with 413 and the localized message, declared or streamed", async () => {
    const port = await listen((req) => handleTrpcRequest(req, async (r) => testContext(db, { ip: clientIp(r.headers) })));
    const big = JSON.stringify({ json: { padding: "x".repeat(TRPC_MAX_BODY_BYTES + 10) } });
    const declared = await send(port, "POST", "/api/trpc/customer.requestCode", { "content-type": "application/json" }, big);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.json.message).toBe(`提交的内容太大（最大 ${TRPC_MAX_BODY_BYTES / 1024} KB）`);
    const streamed = await send(port, "POST", "/api/trpc/customer.requestCode", { "content-type": "application/json", "transfer-encoding": "chunked" }, big);
    expect(streamed.status).toBe(413);
  });

  it("a tRPC batch longer than the client ever sends is refused before any procedure runs", async () => {
    const port = await listen((req) => handleTrpcRequest(req, async (r) => testContext(db, { ip: clientIp(r.headers) })));
    const batch = (n: number) => `/api/trpc/${Array(n).fill("customer.me").join(",")}?batch=1&input=${encodeURIComponent("{}")}`;
    expect((await send(port, "GET", batch(TRPC_MAX_BATCH), {})).status).toBe(200);
    const refused = await send(port, "GET", batch(TRPC_MAX_BATCH + 1), {});
    expect(refused.status).toBe(400);
    expect(refused.body).toContain("Batch call exceeds maximum size");
  });
});
