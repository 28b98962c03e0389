import type { DbOrTx } from "../../db/client";
import { AppError } from "../domain/errors";
import { countAttempt, uncountAttempt, type Count } from "./failure-counter";
import { checkProof } from "./proof-of-work";

/**
 * Sign-in throttling that slows guessers without letting anyone lock the real user out
 * (docs/decisions/019-staff-sign-in-lockout-and-second-factor.md). Only failures count
 * (a wrong password, an unknown or disabled account); a success, and an attempt refused
 * before the password was checked, are taken back. All windows are 15 minutes.
 *
 * - This IP, any account: 30 failures → this IP is refused until the window closes.
 * - This account from this IP: 10 failures → refused from this IP only. The real user at
 *   another address is not affected.
 * - This account from anywhere, or this IP: 5 failures → every further attempt must carry a
 *   proof of work (a challenge the sign-in form solves by itself in a second or two). Many
 *   IPs guessing slowly pay for each guess; the real user still gets in.
 * - Growing delay: from the 4th failure of an account at an IP the wrong answer comes back
 *   after 1, 2, 4, then 8 s (only failures wait; the right password is answered at once).
 *
 * An unknown client IP (server/auth/client-ip.ts returned null) shares one "unknown" bucket
 * that never refuses — a shared hard limit would let one abuser lock out everyone — it only
 * asks for the proof and adds the delay.
 */
export const SIGN_IN_LIMITS = {
  windowSeconds: 900,
  ipFailures: 30,
  accountIpFailures: 10,
  proofAfterAccountFailures: 5,
  proofAfterIpFailures: 5,
  proofBits: 14,
  delayFromFailure: 4,
  maxDelayMs: 8000,
} as const;

/** Milliseconds to hold back the answer to the n-th failure of an account at an IP. */
export function failureDelayMs(failures: number): number {
  if (failures < SIGN_IN_LIMITS.delayFromFailure) return 0;
  return Math.min(SIGN_IN_LIMITS.maxDelayMs, 1000 * 2 ** (failures - SIGN_IN_LIMITS.delayFromFailure));
}

export interface SignInAttempt {
  /** Call with the outcome once the password was checked. */
  settle(success: boolean): Promise<void>;
  /** The delay to wait before answering a failure. */
  failureDelay: number;
}

/**
 * Counts this attempt and decides whether the password may be checked at all. Throws
 * rate_limited (hard limits of a known IP) or proof_required; otherwise the caller checks the
 * password and settles the attempt.
 */
export async function beginSignInAttempt(db: DbOrTx, email: string, ip: string | null, proof: string | undefined, now: Date): Promise<SignInAttempt> {
  const w = SIGN_IN_LIMITS.windowSeconds;
  const ipLabel = ip ?? "unknown";
  const keys = [`signin:fail:ip:${ipLabel}`, `signin:fail:acct-ip:${email}:${ipLabel}`, `signin:fail:acct:${email}`] as const;
  const [byIp, byAccountIp, byAccount] = (await Promise.all(keys.map((k) => countAttempt(db, k, w, now)))) as [Count, Count, Count];
  const takeBack = () => Promise.all(keys.map((k) => uncountAttempt(db, k)));

  // `count` includes this attempt: n earlier failures means count = n + 1.
  if (ip !== null) {
    const over = [byIp.count > SIGN_IN_LIMITS.ipFailures ? byIp : null, byAccountIp.count > SIGN_IN_LIMITS.accountIpFailures ? byAccountIp : null].filter(
      (c): c is Count => c !== null,
    );
    if (over.length > 0) {
      await takeBack();
      throw new AppError("rate_limited", { retryAfter: Math.max(...over.map((c) => c.retryAfter)) });
    }
  }
  const needsProof = byAccount.count > SIGN_IN_LIMITS.proofAfterAccountFailures || byIp.count > SIGN_IN_LIMITS.proofAfterIpFailures;
  if (needsProof) {
    const id = proof ? checkProof(proof, email, SIGN_IN_LIMITS.proofBits, now) : null;
    // Single use: the first attempt with this proof records it; a replay finds it there.
    const fresh = id !== null && (await countAttempt(db, `signin:proof:${id}`, 600, now)).count === 1;
    if (!fresh) {
      await takeBack();
      throw new AppError("proof_required");
    }
  }
  return {
    failureDelay: failureDelayMs(byAccountIp.count),
    async settle(success) {
      if (success) await takeBack();
    },
  };
}
