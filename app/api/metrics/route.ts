import { appDb } from "@/server/db";
import { env } from "@/server/env";
import { metricsResponse } from "@/server/metrics/endpoint";

/** Prometheus scrape target, behind METRICS_TOKEN (server/metrics/endpoint.ts; docs/decisions/033). */
export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return metricsResponse(req, appDb().$client, env().METRICS_TOKEN);
}
