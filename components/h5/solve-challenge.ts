import { findNonce } from "@/components/challenge/find-nonce";

/** Solves the server's SMS-code challenge (server/challenge/proof-of-work.ts) in the browser. */
export async function solveChallenge(challenge: { token: string; bits: number }): Promise<{ token: string; nonce: string }> {
  return { token: challenge.token, nonce: await findNonce(challenge.token, challenge.bits) };
}
