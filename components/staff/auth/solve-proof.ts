/**
 * Solves a sign-in challenge (server/auth/proof-of-work.ts) with Web Crypto: finds a counter
 * whose SHA-256(`challenge:counter`) starts with the challenge's number of zero bits. About
 * 65,000 hashes for 16 bits: a second or two in a browser, per attempt — nothing for a person,
 * a real cost per guess for a script. Also used by the tests (Node has the same Web Crypto).
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
  const encoder = new TextEncoder();
  for (let counter = 0; ; counter++) {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(`${challenge}:${counter}`)));
    if (zeroBits(digest) >= bits) return `${challenge}~${counter}`;
  }
}
