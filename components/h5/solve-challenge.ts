/**
 * The browser's half of the server's proof-of-work check (server/challenge/proof-of-work.ts):
 * find a nonce such that SHA-256(token ":" nonce) starts with `bits` zero bits. Web Crypto only,
 * no library; it yields to the page every few hundred tries so the "checking…" state stays live.
 */
function leadingZeroBits(bytes: Uint8Array): number {
  let n = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(byte) - 24;
  }
  return n;
}

export async function solveChallenge(challenge: { token: string; bits: number }): Promise<{ token: string; nonce: string }> {
  const encoder = new TextEncoder();
  for (let n = 0; ; n++) {
    const nonce = n.toString(36);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(`${challenge.token}:${nonce}`)));
    if (leadingZeroBits(digest) >= challenge.bits) return { token: challenge.token, nonce };
    if (n % 500 === 499) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
