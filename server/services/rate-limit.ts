import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { rateLimitBuckets } from "../../db/schema";
import { AppError } from "../domain/errors";

/**
 * Counts one hit on `key` in a window shared by every app server (one upsert, one row).
 * The window opens at the first hit and lasts `windowSeconds`, so "one a minute" means one per
 * 60 s, also across a clock minute. Throws rate_limited with the seconds to wait once `limit`
 * hits are used up.
 */
/** Per-IP limit, skipped when the IP is unknown (see server/auth/client-ip.ts). */
export async function hitIpRateLimit(db: DbOrTx, scope: string, ip: string | null, limit: number, windowSeconds: number, now = new Date()): Promise<void> {
  if (ip) await hitRateLimit(db, `${scope}:ip:${ip}`, limit, windowSeconds, now);
}

export async function hitRateLimit(db: DbOrTx, key: string, limit: number, windowSeconds: number, now = new Date()): Promise<void> {
  // Dates inside raw sql bypass the column's encoder (the driver then refuses them): pass ISO text.
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
  if (row && row.count > limit) {
    const retryAfter = Math.max(1, Math.ceil((row.windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
    throw new AppError("rate_limited", { retryAfter });
  }
}
