import { DATABASE_RETRY_AFTER_SECONDS } from "@/server/api/db-errors";
import { appDb } from "@/server/db";
import { readiness } from "@/server/health";

/**
 * Readiness for a load balancer: 200 when the database answers `SELECT` within two seconds and
 * has every migration this build expects; 503 with Retry-After otherwise. Says nothing else about
 * the shop (no counts, no versions) since it is reachable without signing in.
 */
export const dynamic = "force-dynamic";

const READY_TIMEOUT_MS = 2_000;

export async function GET() {
  const r = await readiness(appDb(), READY_TIMEOUT_MS);
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (!r.ready) headers["Retry-After"] = String(DATABASE_RETRY_AFTER_SECONDS);
  return Response.json({ status: r.ready ? "ready" : "unavailable", database: r.database, migrations: r.migrations }, { status: r.ready ? 200 : 503, headers });
}
