import { and, eq, isNull, or, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { staffAudit, staffRecoveryCodes, staffSessions, staffUsers } from "../../db/schema";
import { AppError } from "../domain/errors";
import type { StaffRole } from "../domain/vocabulary";
import { countAttempt, uncountAttempt } from "./failure-counter";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { openSecret, sealSecret } from "./secret-box";
import { checkTotp, newTotpSecret, totpUri } from "./totp";

/**
 * The second factor (ADR 019): finance and the store manager (admin) must enroll a TOTP
 * authenticator; other roles may. A session passes the factor once (staff_sessions
 * .second_factor_at); until then the staff procedures refuse it (server/api/trpc.ts).
 */
export const ROLES_REQUIRING_SECOND_FACTOR: readonly StaffRole[] = ["finance", "admin"];

/** What a session still owes: enroll (no authenticator yet) or verify (a code). */
export type SecondFactorPending = "enroll" | "verify";

export function secondFactorPending(role: StaffRole, enrolled: boolean, passedAt: Date | null): SecondFactorPending | undefined {
  if (passedAt) return undefined;
  if (enrolled) return "verify";
  return ROLES_REQUIRING_SECOND_FACTOR.includes(role) ? "enroll" : undefined;
}

/**
 * Where a successful password sign-in goes next: straight to the code (or enrollment) page when
 * the account needs the second factor, so the queue never starts to render first.
 */
export async function landingAfterPassword(db: DbOrTx, email: string): Promise<"/two-factor" | "/dashboard"> {
  const [user] = await db
    .select({ role: staffUsers.role, enrolled: sql<boolean>`${staffUsers.totpSecret} IS NOT NULL` })
    .from(staffUsers)
    .where(eq(staffUsers.email, email.trim().toLowerCase()));
  return user && secondFactorPending(user.role, user.enrolled, null) ? "/two-factor" : "/dashboard";
}

/** Wrong codes per account in 15 minutes before the code step refuses (only a password holder gets here). */
export const CODE_FAILURES_PER_ACCOUNT = 10;

/**
 * The secret the enrollment page shows: the pending one if the page was opened before (so a
 * reload does not invalidate a scan), else a new one. Null when the user is already enrolled.
 */
export async function pendingEnrollment(db: DbOrTx, staffId: string): Promise<{ secret: string; uri: string } | null> {
  const [user] = await db
    .select({ email: staffUsers.email, totpSecret: staffUsers.totpSecret, pending: staffUsers.totpPendingSecret })
    .from(staffUsers)
    .where(eq(staffUsers.id, staffId));
  if (!user || user.totpSecret) return null;
  let secret = user.pending ? openSecret(user.pending) : null;
  if (!secret) {
    secret = newTotpSecret();
    await db.update(staffUsers).set({ totpPendingSecret: sealSecret(secret) }).where(eq(staffUsers.id, staffId));
  }
  return { secret, uri: totpUri(user.email, secret) };
}

async function countCodeAttempt(db: DbOrTx, staffId: string, now: Date) {
  const key = `totp:fail:${staffId}`;
  const { count, retryAfter } = await countAttempt(db, key, 900, now);
  if (count > CODE_FAILURES_PER_ACCOUNT) {
    await uncountAttempt(db, key);
    throw new AppError("rate_limited", { retryAfter });
  }
  return () => uncountAttempt(db, key);
}

async function passSession(tx: DbOrTx, sessionId: string, staffId: string, now: Date) {
  await tx
    .update(staffSessions)
    .set({ secondFactorAt: now })
    .where(and(eq(staffSessions.id, sessionId), eq(staffSessions.staffId, staffId), isNull(staffSessions.endedAt)));
}

/**
 * Confirms the pending secret with a first code: it becomes the user's factor, ten recovery
 * codes replace any old ones, and this session has passed. The plain codes are returned once
 * and never stored.
 */
export async function confirmEnrollment(db: DbOrTx, staffId: string, sessionId: string, code: string, now = new Date()): Promise<string[]> {
  const success = await countCodeAttempt(db, staffId, now);
  const codes = newRecoveryCodes();
  const ok = await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ totpSecret: staffUsers.totpSecret, pending: staffUsers.totpPendingSecret })
      .from(staffUsers)
      .where(eq(staffUsers.id, staffId))
      .for("update");
    if (!user?.pending || user.totpSecret) return false;
    const secret = openSecret(user.pending);
    const step = await checkTotp(secret, code.trim(), null, now);
    if (step === null) return false;
    await tx.update(staffUsers).set({ totpSecret: user.pending, totpPendingSecret: null, totpLastStep: step }).where(eq(staffUsers.id, staffId));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
    await tx.insert(staffRecoveryCodes).values(codes.map((c) => ({ staffId, codeHash: hashRecoveryCode(c), createdAt: now })));
    await passSession(tx, sessionId, staffId, now);
    await tx.insert(staffAudit).values({ actorId: staffId, targetId: staffId, action: "enroll_totp" });
    return true;
  });
  if (!ok) throw new AppError("second_factor_wrong");
  await success();
  return codes;
}

/**
 * The code step of sign-in: a current TOTP code (each time step accepted once: a replayed code
 * is refused) or an unused recovery code (used up here). Marks the session as passed.
 */
export async function verifySecondFactor(db: DbOrTx, staffId: string, sessionId: string, input: string, now = new Date()): Promise<{ recoveryCodesLeft?: number }> {
  const success = await countCodeAttempt(db, staffId, now);
  const code = input.trim();
  const result = await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ totpSecret: staffUsers.totpSecret, lastStep: staffUsers.totpLastStep })
      .from(staffUsers)
      .where(eq(staffUsers.id, staffId))
      .for("update");
    if (!user?.totpSecret) return null;
    if (/^\d{6}$/.test(code)) {
      const step = await checkTotp(openSecret(user.totpSecret), code, user.lastStep, now);
      if (step === null) return null;
      const [accepted] = await tx
        .update(staffUsers)
        .set({ totpLastStep: step })
        .where(and(eq(staffUsers.id, staffId), or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step))))
        .returning({ id: staffUsers.id });
      if (!accepted) return null;
      await passSession(tx, sessionId, staffId, now);
      return {};
    }
    if (!looksLikeRecoveryCode(code)) return null;
    const [used] = await tx
      .update(staffRecoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(staffRecoveryCodes.staffId, staffId), eq(staffRecoveryCodes.codeHash, hashRecoveryCode(code)), isNull(staffRecoveryCodes.usedAt)))
      .returning({ id: staffRecoveryCodes.id });
    if (!used) return null;
    const [left] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(staffRecoveryCodes)
      .where(and(eq(staffRecoveryCodes.staffId, staffId), isNull(staffRecoveryCodes.usedAt)));
    await tx.insert(staffAudit).values({ actorId: staffId, targetId: staffId, action: "recovery_code_used", details: { left: left?.n ?? 0 } });
    await passSession(tx, sessionId, staffId, now);
    return { recoveryCodesLeft: left?.n ?? 0 };
  });
  if (!result) throw new AppError("second_factor_wrong");
  await success();
  return result;
}

/**
 * Removes a user's authenticator and recovery codes (lost phone; done by the store manager in
 * server/services/staff-accounts.ts). Finance and admin enroll again at their next sign-in.
 */
export async function clearSecondFactor(tx: DbOrTx, staffId: string): Promise<void> {
  await tx.update(staffUsers).set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null }).where(eq(staffUsers.id, staffId));
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
}
