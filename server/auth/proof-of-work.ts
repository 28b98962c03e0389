import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { leadingZeroBits } from "../challenge/proof-of-work";
import { env } from "../env";

/**
 * A self-hosted "captcha": after repeated sign-in failures the form must send a proof that the
 * browser spent CPU on this attempt (no captcha service is reachable from a shop's server).
 * The challenge is stateless and signed (HMAC, key derived from AUTH_SECRET), bound to the email
 * and valid for 5 minutes; the solved proof is single-use (the caller records it).
 *
 * Challenge: `v1.<expires>.<bits>.<nonce>.<mac>`. Proof: `<challenge>~<counter>` such that
 * SHA-256(`<challenge>:<counter>`) starts with `bits` zero bits (components/staff/auth/solve-proof.ts). Hashing and the zero-bit rule are the
 * customers' challenge's (server/challenge/proof-of-work.ts); the email binding and proof format are sign-in's.
 */
const TTL_MS = 5 * 60_000;

function macKey(): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET must be set for sign-in challenges");
  return Buffer.from(hkdfSync("sha256", secret, "tuihuanhuo", "staff-sign-in-proof v1", 32));
}

function mac(email: string, expires: number, bits: number, nonce: string): string {
  return createHmac("sha256", macKey()).update(`${email}|${expires}|${bits}|${nonce}`).digest("base64url");
}

export function issueChallenge(email: string, bits: number, now = new Date()): string {
  const expires = now.getTime() + TTL_MS;
  const nonce = randomBytes(12).toString("base64url");
  return ["v1", expires, bits, nonce, mac(email.trim().toLowerCase(), expires, bits, nonce)].join(".");
}

/**
 * The proof's single-use id (its nonce) when it is genuine, for this email, unexpired, hard
 * enough and solved; else null.
 */
export function checkProof(proof: string, email: string, minBits: number, now = new Date()): string | null {
  const [challenge, counter] = proof.split("~");
  if (!challenge || !counter || !/^\d{1,12}$/.test(counter)) return null;
  const [version, expiresText, bitsText, nonce, given] = challenge.split(".");
  if (version !== "v1" || !expiresText || !bitsText || !nonce || !given) return null;
  const expires = Number(expiresText);
  const bits = Number(bitsText);
  if (!Number.isSafeInteger(expires) || !Number.isSafeInteger(bits) || bits < minBits || expires < now.getTime()) return null;
  const expected = Buffer.from(mac(email.trim().toLowerCase(), expires, bits, nonce));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  const digest = createHash("sha256").update(`${challenge}:${counter}`).digest();
  return leadingZeroBits(digest) >= bits ? nonce : null;
}
