import { randomInt } from "node:crypto";
import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { staffAudit, staffSessions, staffUsers } from "../../db/schema";
import { hashPassword, verifyPassword } from "../auth/password";
import { clearSecondFactor } from "../auth/second-factor";
import { AppError } from "../domain/errors";
import type { StaffRole } from "../domain/vocabulary";
import { hitRateLimit } from "./rate-limit";

/**
 * The store manager's staff accounts: create, change role, disable/enable, reset password, and a
 * user's own password change. Each change locks the target row, writes the audit row and (where
 * access changes) bumps session_version in one transaction (docs/decisions/003, 009).
 */

export type StaffAuditAction = "create" | "role" | "disable" | "enable" | "reset_password" | "change_password" | "reset_totp";

// No 0/O, 1/l/I: the password is read off a screen and typed by someone else.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 15 random characters (≈ 87 bits) in three groups, e.g. "k7Rm2-x9QpT-4hWza". */
export function oneTimePassword(): string {
  const groups = Array.from({ length: 3 }, () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
  return groups.join("-");
}

export async function listStaff(db: DbOrTx) {
  return db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      role: staffUsers.role,
      active: staffUsers.active,
      mustChangePassword: staffUsers.mustChangePassword,
      twoFactor: sql<boolean>`${staffUsers.totpSecret} IS NOT NULL`,
      lastLoginAt: staffUsers.lastLoginAt,
      createdAt: staffUsers.createdAt,
    })
    .from(staffUsers)
    .orderBy(desc(staffUsers.active), asc(staffUsers.role), asc(staffUsers.name));
}

/** The newest changes to staff accounts, with who made them. */
export async function staffAuditLog(db: DbOrTx, limit = 50) {
  return db
    .select({
      id: staffAudit.id,
      action: staffAudit.action,
      details: staffAudit.details,
      createdAt: staffAudit.createdAt,
      actorName: sql<string>`(SELECT name FROM staff_users a WHERE a.id = ${staffAudit.actorId})`,
      targetName: sql<string>`(SELECT name FROM staff_users t WHERE t.id = ${staffAudit.targetId})`,
    })
    .from(staffAudit)
    // Changes to accounts only: exports and erasure fulfilments are recorded here too, without a target.
    .where(isNotNull(staffAudit.targetId))
    .orderBy(desc(staffAudit.createdAt))
    .limit(limit);
}

async function audit(tx: DbOrTx, actorId: string, targetId: string, action: StaffAuditAction, details: Record<string, unknown> = {}) {
  await tx.insert(staffAudit).values({ actorId, targetId, action, details });
}

/** Locks and returns the target; not_found when there is no such user. */
async function lockUser(tx: DbOrTx, id: string) {
  const [row] = await tx
    .select({ id: staffUsers.id, role: staffUsers.role, active: staffUsers.active, passwordHash: staffUsers.passwordHash })
    .from(staffUsers)
    .where(eq(staffUsers.id, id))
    .for("update");
  if (!row) throw new AppError("not_found");
  return row;
}

/**
 * Locks the active admins, always in id order and before the target row, so two admins removing
 * each other at once queue up instead of deadlocking; the second then sees the first's change
 * (READ COMMITTED re-checks `active` on the locked rows) and is refused as the last admin.
 */
async function lockActiveAdmins(tx: DbOrTx): Promise<string[]> {
  const rows = await tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, "admin"), eq(staffUsers.active, true)))
    .orderBy(asc(staffUsers.id))
    .for("update");
  return rows.map((r) => r.id);
}

function keepAnAdmin(activeAdmins: string[], targetId: string) {
  if (!activeAdmins.some((id) => id !== targetId)) throw new AppError("last_admin");
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: unknown };
  return err?.code === "23505" || (err?.cause !== undefined && isUniqueViolation(err.cause));
}

export async function createStaff(db: DbOrTx, actorId: string, input: { name: string; email: string; role: StaffRole }) {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(staffUsers)
        .values({ name: input.name, email: input.email, role: input.role, passwordHash, mustChangePassword: true })
        .returning({ id: staffUsers.id });
      if (!row) throw new Error("insert returned nothing");
      await audit(tx, actorId, row.id, "create", { role: input.role, email: input.email });
      return { id: row.id, oneTimePassword: password };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("email_taken");
    throw e;
  }
}

export async function setStaffRole(db: DbOrTx, actorId: string, input: { id: string; role: StaffRole }) {
  if (input.id === actorId) throw new AppError("self_change_refused");
  await db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await lockUser(tx, input.id);
    if (user.role === input.role) return;
    if (user.role === "admin" && user.active) keepAnAdmin(admins, input.id);
    await tx
      .update(staffUsers)
      .set({ role: input.role, sessionVersion: sql`${staffUsers.sessionVersion} + 1` })
      .where(eq(staffUsers.id, input.id));
    await audit(tx, actorId, input.id, "role", { from: user.role, to: input.role });
  });
}

export async function setStaffActive(db: DbOrTx, actorId: string, input: { id: string; active: boolean }) {
  if (input.id === actorId) throw new AppError("self_change_refused");
  await db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await lockUser(tx, input.id);
    if (user.active === input.active) return;
    if (!input.active && user.role === "admin") keepAnAdmin(admins, input.id);
    await tx
      .update(staffUsers)
      .set({ active: input.active, sessionVersion: sql`${staffUsers.sessionVersion} + 1` })
      .where(eq(staffUsers.id, input.id));
    await audit(tx, actorId, input.id, input.active ? "enable" : "disable");
  });
}

/** A new one-time password; every session of the user ends and they must choose a password at next sign-in. */
export async function resetStaffPassword(db: DbOrTx, actorId: string, id: string) {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await lockUser(tx, id);
    await tx
      .update(staffUsers)
      .set({ passwordHash, mustChangePassword: true, sessionVersion: sql`${staffUsers.sessionVersion} + 1` })
      .where(eq(staffUsers.id, id));
    await tx.update(staffSessions).set({ endedAt: new Date() }).where(and(eq(staffSessions.staffId, id), isNull(staffSessions.endedAt)));
    await audit(tx, actorId, id, "reset_password");
  });
  return { oneTimePassword: password };
}

/**
 * A lost authenticator: the store manager removes the user's TOTP secret and recovery codes.
 * Every session of the user ends; finance and admin enroll a new authenticator at next sign-in
 * (ADR 019). Recorded in staff_audit as reset_totp.
 */
export async function resetStaffSecondFactor(db: DbOrTx, actorId: string, id: string) {
  if (id === actorId) throw new AppError("self_change_refused");
  await db.transaction(async (tx) => {
    await lockUser(tx, id);
    await clearSecondFactor(tx, id);
    await tx.update(staffUsers).set({ sessionVersion: sql`${staffUsers.sessionVersion} + 1` }).where(eq(staffUsers.id, id));
    await tx.update(staffSessions).set({ endedAt: new Date() }).where(and(eq(staffSessions.staffId, id), isNull(staffSessions.endedAt)));
    await audit(tx, actorId, id, "reset_totp");
  });
}

/**
 * The signed-in user replaces their password (required after a one-time password). Every
 * session, this one included, ends: the caller signs in again with the new password.
 */
export async function changeOwnPassword(db: DbOrTx, staffId: string, input: { current: string; next: string }) {
  // The same limit as sign-in: a borrowed session must not become a way to guess the password.
  await hitRateLimit(db, `password-change:${staffId}`, 5, 900);
  const nextHash = await hashPassword(input.next);
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, staffId);
    if (!user.active) throw new AppError("unauthorized");
    if (!(await verifyPassword(user.passwordHash, input.current))) throw new AppError("password_wrong");
    await tx
      .update(staffUsers)
      .set({ passwordHash: nextHash, mustChangePassword: false, sessionVersion: sql`${staffUsers.sessionVersion} + 1` })
      .where(eq(staffUsers.id, staffId));
    await tx.update(staffSessions).set({ endedAt: new Date() }).where(and(eq(staffSessions.staffId, staffId), isNull(staffSessions.endedAt)));
    await audit(tx, staffId, staffId, "change_password");
  });
}
