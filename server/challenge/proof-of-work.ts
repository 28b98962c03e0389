import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { DbOrTx } from "../../db/client";
import { AppError } from "../domain/errors";
import { tryConsumeOnce } from "../services/rate-limit";
import { serverKey } from "../services/server-key";

/**
 * A self-hosted "prove you spent some CPU" check, asked after repeated failures instead of a
 * captcha service (none is reachable from a mainland deployment without a contract). The server
 * signs a random challenge; the browser finds a nonce such that SHA-256(token ":" nonce) starts
 * with `bits` zero bits (components/h5/solve-challenge.ts); the server checks it and accepts each
 * challenge once. It costs a real user well under a second and an attacker the same per try.
 */
export const CHALLENGE_TTL_SECONDS = 300;
export type ChallengePurpose = "sms" | "verify";

export interface Challenge {
  token: string;
  bits: number;
}
export interface ChallengeSolution {
  token: string;
  nonce: string;
}

const sign = (payload: string) => createHmac("sha256", serverKey("pow-challenge")).update(payload).digest("base64url");

export function issueChallenge(purpose: ChallengePurpose, bits: number, now = new Date()): Challenge {
  const payload = `${purpose}.${bits}.${now.getTime() + CHALLENGE_TTL_SECONDS * 1000}.${randomBytes(12).toString("base64url")}`;
  return { token: `${payload}.${sign(payload)}`, bits };
}

export function leadingZeroBits(digest: Buffer): number {
  let n = 0;
  for (const byte of digest) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(byte) - 24;
  }
  return n;
}

/** Checks a solution and uses the challenge up; throws challenge_invalid for anything else. */
export async function consumeChallenge(db: DbOrTx, purpose: ChallengePurpose, solution: ChallengeSolution, now = new Date()): Promise<void> {
  const parts = solution.token.split(".");
  if (parts.length !== 5) throw new AppError("challenge_invalid");
  const [p, bitsText, expText, id, mac] = parts as [string, string, string, string, string];
  const expected = Buffer.from(sign(`${p}.${bitsText}.${expText}.${id}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError("challenge_invalid");
  if (p !== purpose || Number(expText) <= now.getTime()) throw new AppError("challenge_invalid");
  const digest = createHash("sha256").update(`${solution.token}:${solution.nonce}`).digest();
  if (leadingZeroBits(digest) < Number(bitsText)) throw new AppError("challenge_invalid");
  if (!(await tryConsumeOnce(db, `pow:${id}`, CHALLENGE_TTL_SECONDS, now))) throw new AppError("challenge_invalid");
}

/** What a script solving a challenge does (the tests use it; the browser has its own). */
export function solveChallenge(challenge: Challenge): ChallengeSolution {
  for (let n = 0; ; n++) {
    const nonce = n.toString(36);
    if (leadingZeroBits(createHash("sha256").update(`${challenge.token}:${nonce}`).digest()) >= challenge.bits) return { token: challenge.token, nonce };
  }
}
