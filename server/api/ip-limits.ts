import { hitIpRateLimit } from "../services/rate-limit";
import { publicProcedure } from "./trpc";

/**
 * Per-IP limits of the public procedures that have none of their own (customer.requestCode and
 * verifyCode count per phone, per order and per IP in their service; staff sign-in in
 * authenticateStaff). Generous enough for many shoppers behind one carrier NAT address, low
 * enough that one address cannot make the database do unbounded work. Pages call `me` and
 * `settings` while rendering, so a page view counts too. Seconds.
 */
export const PUBLIC_IP_LIMITS = {
  "customer.me": { limit: 300, windowSeconds: 60 },
  "customer.settings": { limit: 300, windowSeconds: 60 },
  "customer.signOut": { limit: 60, windowSeconds: 60 },
  /** POST /api/photos (a signed-in customer; the draft quota counts per customer). */
  "photos.upload": { limit: 120, windowSeconds: 600 },
} as const;

export type PublicLimitScope = keyof typeof PUBLIC_IP_LIMITS;

/** A public procedure that counts one hit per call on the caller's address first. */
export function ipLimitedProcedure(scope: PublicLimitScope) {
  const { limit, windowSeconds } = PUBLIC_IP_LIMITS[scope];
  return publicProcedure.use(async ({ ctx, next }) => {
    await hitIpRateLimit(ctx.db, scope, ctx.ip, limit, windowSeconds);
    return next();
  });
}
