import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { rateLimitBuckets } from "../../db/schema";
import { AppError } from "../domain/errors";

/**
 * Counts one hit on `key` in a fixed window shared by every app server (one upsert, one row).
 * Throws rate_limited with the seconds to wait once `limit` hits are used up.
 */
export async function hitRateLimit(db: DbOrTx, key: string, limit: number, windowSeconds: number, now = new Date()): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        // A Date inside raw sql bypasses the column's encoder (the driver then refuses it): pass ISO text.
        count: sql`CASE WHEN ${rateLimitBuckets.windowStart} = ${windowStart.toISOString()}::timestamptz THEN ${rateLimitBuckets.count} + 1 ELSE 1 END`,
        windowStart,
      },
    })
    .returning({ count: rateLimitBuckets.count });
  if ((row?.count ?? 0) > limit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
    throw new AppError("rate_limited", { retryAfter });
  }
}
