import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The webhook signature (README, Notifications → Verifying a webhook): hex HMAC-SHA256 under the
 * endpoint's secret of `<timestamp>.<body>`, where timestamp is the X-Tuihuanhuo-Timestamp header
 * (Unix seconds). Signing the timestamp with the body lets a receiver refuse old replays.
 */
export const WEBHOOK_HEADERS = {
  delivery: "x-tuihuanhuo-delivery",
  timestamp: "x-tuihuanhuo-timestamp",
  signature: "x-tuihuanhuo-signature",
  event: "x-tuihuanhuo-event",
} as const;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does (also the README's recipe): recompute, compare in constant time, check the age. */
export function verifyWebhook(secret: string, headers: { timestamp: string; signature: string }, body: string, now = Date.now(), toleranceSeconds = 300): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(now / 1000 - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
