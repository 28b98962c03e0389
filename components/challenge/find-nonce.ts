import { sha256 } from "./sha256";

/**
 * The browser's half of both proof-of-work checks (customers' SMS codes:
 * server/challenge/proof-of-work.ts; staff sign-in: server/auth/proof-of-work.ts): the first
 * counter whose SHA-256(`${token}:${counter}`) starts with `bits` zero bits. 14 bits is about
 * 16,000 hashes — well under a second on a phone, a real cost per guess for a script at scale.
 * Hashes with the synchronous sha256 here, not Web Crypto, which is a promise per call and is
 * missing outside secure contexts (a shop reached over plain HTTP on a LAN address). Yields to
 * the page every few thousand hashes so a "checking…" state stays live.
 */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export async function findNonce(token: string, bits: number): Promise<string> {
  for (let counter = 0; ; counter++) {
    if (leadingZeroBits(sha256(`${token}:${counter}`)) >= bits) return String(counter);
    if (counter % 5000 === 4999) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
