import { sha256 } from "./sha256";

/**
 * Solves a sign-in challenge (server/auth/proof-of-work.ts): finds a counter whose
 * SHA-256(`challenge:counter`) starts with the challenge's number of zero bits. About 16,000
 * hashes for 14 bits — well under a second in a browser per attempt, a real cost per guess for
 * a script at scale. Yields to the page every few thousand hashes so it stays
 * responsive. The tests use the same solver.
 */
function zeroBits(bytes: Uint8Array): number {
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

export async function solveProof(challenge: string): Promise<string> {
  const bits = Number(challenge.split(".")[2]);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) throw new Error("not a challenge");
  for (let counter = 0; ; counter++) {
    if (zeroBits(sha256(`${challenge}:${counter}`)) >= bits) return `${challenge}~${counter}`;
    if (counter % 5000 === 4999) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
