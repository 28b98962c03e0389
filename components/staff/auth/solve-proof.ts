import { findNonce } from "@/components/challenge/find-nonce";

/**
 * Solves a sign-in challenge (server/auth/proof-of-work.ts: `v1.<expires>.<bits>.<nonce>.<mac>`)
 * into the proof the form sends, `<challenge>~<counter>`. The tests use the same solver.
 */
export async function solveProof(challenge: string): Promise<string> {
  const bits = Number(challenge.split(".")[2]);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) throw new Error("not a challenge");
  return `${challenge}~${await findNonce(challenge, bits)}`;
}
