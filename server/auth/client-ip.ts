/**
 * The caller's address for per-IP limits. The app's HTTP server (server/http/edge-server.ts)
 * overwrites X-Forwarded-For with the one address it decided from the socket or the declared
 * trusted proxies (TRUST_PROXY_HOPS), so the header holds exactly one entry that the client did
 * not write. Under `next dev` (no edge server) Next fills it from the socket when absent; the
 * right-most entry is taken so that at least a proxy-appended address wins over a client's.
 * Never null: limits always apply. "unknown" only when there was no request (never over HTTP).
 */
export function clientIp(headers: Headers): string {
  const entries = headers.get("x-forwarded-for")?.split(",") ?? [];
  return entries.at(-1)?.trim() || "unknown";
}

/** Whether the request reached the app (or its TLS-terminating trusted proxy) over HTTPS; set by the edge server. */
export function arrivedOverHttps(headers: Headers): boolean {
  return headers.get("x-forwarded-proto")?.split(",").at(-1)?.trim().toLowerCase() === "https";
}
