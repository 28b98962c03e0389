import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { rateLimitBuckets } from "../../db/schema";

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

export async function countAttempt(db: DbOrTx, key: string, windowSeconds: number, now: Date): Promise<Count> {
  // Dates inside raw sql bypass the column's encoder: pass ISO text.
  const cutoff = new Date(now.getTime() - windowSeconds * 1000).toISOString();
  const open = sql`${rateLimitBuckets.windowStart} > ${cutoff}::timestamptz`;
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        count: sql`CASE WHEN ${open} THEN ${rateLimitBuckets.count} + 1 ELSE 1 END`,
        windowStart: sql`CASE WHEN ${open} THEN ${rateLimitBuckets.windowStart} ELSE ${now.toISOString()}::timestamptz END`,
      },
    })
    .returning({ count: rateLimitBuckets.count, windowStart: rateLimitBuckets.windowStart });
  if (!row) throw new Error("upsert returned nothing");
  const retryAfter = Math.max(1, Math.ceil((row.windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
  return { count: row.count, retryAfter };
}

/** Takes back one counted attempt (it was a success, or refused before the password was checked). */
export async function uncountAttempt(db: DbOrTx, key: string): Promise<void> {
  await db
    .update(rateLimitBuckets)
    .set({ count: sql`GREATEST(${rateLimitBuckets.count} - 1, 0)` })
    .where(eq(rateLimitBuckets.key, key));
}
