import { isIP } from "node:net";
import { and, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { rateLimitBuckets } from "../../db/schema";
import { AppError } from "../domain/errors";

/**
 * Per-IP limit, always on: the app's HTTP server decides the address (server/http/client-address.ts),
 * so it is never missing over HTTP. `null` (a caller without a request) counts as one shared
 * "unknown" address rather than skipping the limit.
 */
export async function hitIpRateLimit(db: DbOrTx, scope: string, ip: string | null, limit: number, windowSeconds: number, now = new Date()): Promise<void> {
  await hitRateLimit(db, `${scope}:ip:${rateLimitAddress(ip ?? "unknown")}`, limit, windowSeconds, now);
}

/**
 * The unit a per-IP limit counts: an IPv4 address, or an IPv6 address's /64 network — one
 * subscriber gets a whole /64 and could otherwise take a fresh address per request.
 */
export function rateLimitAddress(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * Counts one hit on `key` in a window shared by every app server (one upsert, one row).
 * The window opens at the first hit and lasts `windowSeconds`, so "one a minute" means one per
 * 60 s, also across a clock minute. Throws rate_limited with the seconds to wait once `limit`
 * hits are used up.
 */
export async function hitRateLimit(db: DbOrTx, key: string, limit: number, windowSeconds: number, now = new Date()): Promise<void> {
  const { count, retryAfter } = await countHit(db, key, windowSeconds, now);
  if (count > limit) throw new AppError("rate_limited", { retryAfter });
}

/** One hit on `key`; returns the window's count so far (this hit included) and when the window closes. */
export async function countHit(db: DbOrTx, key: string, windowSeconds: number, now = new Date()): Promise<{ count: number; retryAfter: number }> {
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
  const count = row?.count ?? 1;
  const retryAfter = Math.max(1, Math.ceil(((row?.windowStart ?? now).getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
  return { count, retryAfter };
}

/** The count in `key`'s open window, without adding a hit (0 when the window has closed). */
export async function peekCount(db: DbOrTx, key: string, windowSeconds: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - windowSeconds * 1000);
  const [row] = await db
    .select({ count: rateLimitBuckets.count })
    .from(rateLimitBuckets)
    .where(and(eq(rateLimitBuckets.key, key), gt(rateLimitBuckets.windowStart, cutoff)));
  return row?.count ?? 0;
}

/** True the first time `key` is seen within `windowSeconds` (single-use tokens such as solved challenges). */
export async function tryConsumeOnce(db: DbOrTx, key: string, windowSeconds: number, now = new Date()): Promise<boolean> {
  return (await countHit(db, key, windowSeconds, now)).count === 1;
}
