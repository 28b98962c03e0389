import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { rateLimitBuckets } from "../../db/schema";
import { countHit } from "../services/rate-limit";

/**
 * Windowed counters in rate_limit_buckets (shared by every app server) for sign-in failures.
 * Unlike hitRateLimit they never throw: the caller decides what a count means. An attempt is
 * counted *before* the password check (so parallel guesses cannot all slip under a limit) and
 * uncounted when it turns out not to be a failure.
 */
export interface Count {
  count: number;
  /** Seconds until the window closes. */
  retryAfter: number;
}

/** One attempt counted in `key`'s window: the same upsert as every rate limit (countHit). */
export function countAttempt(db: DbOrTx, key: string, windowSeconds: number, now: Date): Promise<Count> {
  return countHit(db, key, windowSeconds, now);
}

/** Takes back one counted attempt (it was a success, or refused before the password was checked). */
export async function uncountAttempt(db: DbOrTx, key: string): Promise<void> {
  await db
    .update(rateLimitBuckets)
    .set({ count: sql`GREATEST(${rateLimitBuckets.count} - 1, 0)` })
    .where(eq(rateLimitBuckets.key, key));
}
