import type { TRPCError } from "@trpc/server";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "./db-errors";

/**
 * tRPC's responseMeta for /api/trpc: while the database is unreachable the answer is 503 with
 * Retry-After, so a client (and a load balancer) waits and tries again instead of seeing a bare
 * 500. Covers errors from procedures (SERVICE_UNAVAILABLE from the middleware in trpc.ts) and
 * from building the context (reading the session), which runs before any middleware.
 */
export function databaseUnavailableMeta({ errors }: { errors: TRPCError[] }): { status?: number; headers?: Headers } {
  if (errors.length === 0 || !errors.some((e) => e.code === "SERVICE_UNAVAILABLE" || isDatabaseUnavailable(e.cause))) return {};
  return { status: 503, headers: new Headers({ "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) }) };
}
