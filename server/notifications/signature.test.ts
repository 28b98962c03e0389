import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "./signature";

const secret = "whsec_test-secret";
const body = JSON.stringify({ deliveryId: "d-1", action: "submit" });
const now = Date.parse("2026-11-30T04:00:00Z");
const ts = Math.floor(now / 1000);

describe("webhook signatures", () => {
  it("are HMAC-SHA256 of timestamp.body, as the README's receiver recipe computes them", () => {
    const expected = `sha256=${createHmac("sha256", secret).update(`${ts}.${body}`).digest("hex")}`;
    expect(signWebhook(secret, ts, body)).toBe(expected);
    expect(verifyWebhook(secret, { timestamp: String(ts), signature: expected }, body, now)).toBe(true);
  });

  it("do not verify with another secret, a changed body, a changed timestamp or an old one", () => {
    const sig = signWebhook(secret, ts, body);
    expect(verifyWebhook("whsec_other", { timestamp: String(ts), signature: sig }, body, now)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: String(ts), signature: sig }, body.replace("submit", "reject"), now)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: String(ts + 1), signature: sig }, body, now)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: String(ts), signature: sig }, body, now + 301_000)).toBe(false);
    expect(verifyWebhook(secret, { timestamp: "x", signature: sig }, body, now)).toBe(false);
  });
});
