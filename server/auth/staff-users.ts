import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { staffSessions, staffUsers } from "../../db/schema";
import type { StaffRole } from "../domain/vocabulary";
import { hashPassword, verifyPassword } from "./password";
import { secondFactorPending, type SecondFactorPending } from "./second-factor";
import { beginSignInAttempt } from "./sign-in-throttle";

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  sessionVersion: number;
  /** Signed in with a one-time password: only the change-password page may be used. */
  mustChangePassword?: boolean;
  /** Signed in with the password only: the two-factor page is all this session may use. */
  secondFactorPending?: SecondFactorPending;
  /** The staff_sessions row behind this request (absent for test callers built without sign-in). */
  sessionId?: string;
}

// Checked when the email is unknown, so a wrong email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface SignInOptions {
  /** A solved sign-in challenge, required after repeated failures (server/auth/proof-of-work.ts). */
  proof?: string;
  /** How a failure's delay is waited out (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Email + password check, throttled by failures per IP, per account and IP, and per account
 * (server/auth/sign-in-throttle.ts, ADR 019) so that guessing is slow and a third party cannot
 * lock the real user out. Throws rate_limited or proof_required before checking the password.
 */
export async function authenticateStaff(
  db: DbOrTx,
  email: string,
  password: string,
  ip: string | null,
  options: SignInOptions = {},
  now = new Date(),
): Promise<StaffUser | null> {
  const normalised = email.trim().toLowerCase();
  const attempt = await beginSignInAttempt(db, normalised, ip, options.proof, now);
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, normalised));
  let ok = false;
  if (!user) {
    dummyHash ??= hashPassword("not-a-user-password");
    await verifyPassword(await dummyHash, password);
  } else {
    ok = (await verifyPassword(user.passwordHash, password)) && user.active;
  }
  await attempt.settle(ok);
  if (!ok || !user) {
    if (attempt.failureDelay > 0) await (options.sleep ?? wait)(attempt.failureDelay);
    return null;
  }
  await db.update(staffUsers).set({ lastLoginAt: now }).where(eq(staffUsers.id, user.id));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
    secondFactorPending: secondFactorPending(user.role, user.totpSecret !== null, null),
  };
}

/**
 * The user behind a session, read on every request: a disabled user, one whose role or
 * password changed since sign-in (sessionVersion bumped), or a session that was signed out or
 * has expired gets null and is signed out at once. One read: the user joined to its session row.
 */
export async function activeStaff(db: DbOrTx, id: string, sessionVersion: number, sessionId: string, now = new Date()): Promise<StaffUser | null> {
  const [user] = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      sessionVersion: staffUsers.sessionVersion,
      mustChangePassword: staffUsers.mustChangePassword,
      sessionId: staffSessions.id,
      enrolled: sql<boolean>`${staffUsers.totpSecret} IS NOT NULL`,
      secondFactorAt: staffSessions.secondFactorAt,
    })
    .from(staffUsers)
    .innerJoin(staffSessions, and(eq(staffSessions.staffId, staffUsers.id), eq(staffSessions.id, sessionId), isNull(staffSessions.endedAt), gt(staffSessions.expiresAt, now)))
    .where(and(eq(staffUsers.id, id), eq(staffUsers.active, true), eq(staffUsers.sessionVersion, sessionVersion)));
  if (!user) return null;
  const { enrolled, secondFactorAt, ...rest } = user;
  const pending = secondFactorPending(rest.role, enrolled, secondFactorAt);
  return pending ? { ...rest, secondFactorPending: pending } : rest;
}

/** A new server-side session for a successful sign-in; its id goes into the JWT. */
export async function startStaffSession(db: DbOrTx, staffId: string, maxAgeSeconds: number, now = new Date()): Promise<string> {
  const [row] = await db
    .insert(staffSessions)
    .values({ staffId, createdAt: now, expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000) })
    .returning({ id: staffSessions.id });
  if (!row) throw new Error("insert returned nothing");
  return row.id;
}

/** Sign-out: the session row ends, so the same token (even a copy) is refused from now on. */
export async function endStaffSession(db: DbOrTx, sessionId: string, now = new Date()): Promise<void> {
  await db.update(staffSessions).set({ endedAt: now }).where(and(eq(staffSessions.id, sessionId), isNull(staffSessions.endedAt)));
}

/** Changing a role or disabling a user ends their sessions by bumping sessionVersion. */
export async function updateStaffAccess(db: DbOrTx, id: string, change: { role?: StaffRole; active?: boolean }): Promise<void> {
  await db
    .update(staffUsers)
    .set({ ...change, sessionVersion: sql`${staffUsers.sessionVersion} + 1` })
    .where(eq(staffUsers.id, id));
}

export async function createStaffUser(db: DbOrTx, input: { email: string; name: string; password: string; role: StaffRole; mustChangePassword?: boolean }) {
  const [row] = await db
    .insert(staffUsers)
    .values({
      email: input.email.trim().toLowerCase(),
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: input.mustChangePassword ?? false,
    })
    .returning({ id: staffUsers.id });
  if (!row) throw new Error("insert returned nothing");
  return row.id;
}
