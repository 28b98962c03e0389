import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { loggerFor } from "../log/logger";
import { REQUEST_ID_HEADER, requestIdFrom, withRequestId } from "../log/request-context";
import { clientFacts, type ClientAddressPolicy, type ClientFacts } from "./client-address";

const edgeLog = loggerFor("http");

/**
 * Rewrites what the app reads about the caller before Next sees the request: X-Forwarded-For
 * becomes the one client address and X-Forwarded-Proto the scheme, both decided by
 * client-address.ts. Next itself only fills these headers when they are absent, which would let a
 * client choose them. Headers that could carry another opinion (Forwarded, X-Real-IP) go.
 */
export function applyClientFacts(req: IncomingMessage, policy: ClientAddressPolicy): ClientFacts {
  const facts = clientFacts(
    {
      remoteAddress: req.socket.remoteAddress,
      encrypted: Boolean((req.socket as Partial<TLSSocket>).encrypted),
      forwardedFor: req.headers["x-forwarded-for"],
      forwardedProto: req.headers["x-forwarded-proto"],
    },
    policy,
  );
  req.headers["x-forwarded-for"] = facts.address;
  req.headers["x-forwarded-proto"] = facts.protocol;
  delete req.headers["forwarded"];
  delete req.headers["x-real-ip"];
  if (policy.trustProxyHops === 0) {
    // No proxy: whatever host/port the client claims to have been forwarded for is made up.
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-port"];
  }
  return facts;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * An HTTP server that applies the client policy to every request, then hands it to `handle`
 * (Next) inside the request's context: a request id (the caller's X-Request-Id when it is a
 * plain token, else a new one) that every log line and every job queued while serving it
 * carries, and that the response returns in X-Request-Id. One access log line per request.
 */
export function createEdgeServer(handle: Handler, policy: ClientAddressPolicy, log: (line: string) => void = (line) => edgeLog.warn(line)): Server {
  let warned = false;
  return createServer((req, res) => {
    const facts = applyClientFacts(req, policy);
    if (facts.warning && !warned) {
      warned = true; // once per process: a misconfiguration, not a per-request event
      log(`[edge] ${facts.warning}; using the connection's address. Check TRUST_PROXY_HOPS.`);
    }
    const rid = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = rid;
    res.setHeader(REQUEST_ID_HEADER, rid);
    const started = performance.now();
    withRequestId(rid, () => {
      res.on("finish", () => {
        // The path without its query: a query can carry a token (sign-in links, exports).
        const path = (req.url ?? "/").split("?")[0];
        edgeLog.info({ method: req.method, path, status: res.statusCode, durationMs: Math.round(performance.now() - started) }, "request");
      });
      Promise.resolve(handle(req, res)).catch((e: unknown) => {
        log(`[edge] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end();
      });
    });
  });
}

/**
 * Stops accepting connections, lets requests in flight finish for up to `graceMs`, then closes
 * what is left. Resolves when the server is closed.
 */
export function closeGracefully(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
