import { env } from "../env";

/**
 * The caller's IP for rate limits, or null when it cannot be known. X-Forwarded-For is only
 * believed behind a proxy we run (TRUST_PROXY=1); otherwise anyone could pick a fresh IP per
 * request. Next's route handlers do not expose the socket address, so without a proxy there is
 * no IP: per-IP limits are skipped (one shared "unknown" key would let one abuser lock out every
 * customer) and the per-phone / per-email limits still hold.
 */
export function clientIp(headers: Headers): string | null {
  if (env().TRUST_PROXY === "1") {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return null;
}
