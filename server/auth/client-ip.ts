import { env } from "../env";

/**
 * The caller's IP for rate limits. X-Forwarded-For is only believed behind a proxy we run
 * (TRUST_PROXY=1); otherwise anyone could pick a fresh IP per request.
 */
export function clientIp(headers: Headers): string {
  if (env().TRUST_PROXY === "1") {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return "direct";
}
