import { createHash, timingSafeEqual } from "node:crypto";
import type postgres from "postgres";
import { Registry } from "prom-client";
import { loggerFor } from "../log/logger";
import { readSystemFacts, systemGauges } from "./db-gauges";
import { appMetrics } from "./registry";

const metricsLog = loggerFor("metrics");

/** Same length, constant time: a wrong token takes as long to refuse as a nearly right one. */
function sameToken(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * GET /api/metrics: this process's metrics (latency by procedure, Node's own) and the system's
 * (queues, deadlines, refunds, notification failures) in Prometheus text format, for a bearer
 * token only. No token configured → 404: the endpoint does not exist for anyone.
 */
export async function metricsResponse(req: Request, sql: postgres.Sql, token: string | undefined): Promise<Response> {
  if (!token) return new Response("Not Found", { status: 404 });
  const auth = req.headers.get("authorization") ?? "";
  const given = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim();
  if (!given || !sameToken(given, token)) {
    return new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"', "Cache-Control": "no-store" } });
  }
  const own = appMetrics().registry;
  let system: Registry | null = null;
  try {
    system = systemGauges(await readSystemFacts(sql));
  } catch (e) {
    // The process's own metrics are still worth having while the database is away; `up`-style alerts see the gap.
    metricsLog.error({ error: e instanceof Error ? e.message : String(e) }, "system gauges unavailable");
  }
  const merged = system ? Registry.merge([own, system]) : own;
  return new Response(await merged.metrics(), { status: 200, headers: { "Content-Type": merged.contentType, "Cache-Control": "no-store" } });
}
