import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { staffSessions, staffUsers } from "../../db/schema";
import type { StaffRole } from "../domain/vocabulary";
import { hitIpRateLimit, hitRateLimit } from "../services/rate-limit";
import { hashPassword, verifyPassword } from "./password";

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  sessionVersion: number;
  /** Signed in with a one-time password: only the change-password page may be used. */
  mustChangePassword?: boolean;
  /** The staff_sessions row behind this request (absent for test callers built without sign-in). */
  sessionId?: string;
}

// Checked when the email is unknown, so a wrong email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Email + password check. Limits: 5 tries per email and 30 per IP in 15 minutes, counted before
 * the check so that a guesser learns nothing once the limit is reached.
 */
export async function authenticateStaff(db: DbOrTx, email: string, password: string, ip: string | null, now = new Date()): Promise<StaffUser | null> {
  const normalised = email.trim().toLowerCase();
  await hitIpRateLimit(db, "login", ip, 30, 900, now);
  await hitRateLimit(db, `login:email:${normalised}`, 5, 900, now);
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, normalised));
  if (!user) {
    dummyHash ??= hashPassword("not-a-user-password");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password)) || !user.active) return null;
  await db.update(staffUsers).set({ lastLoginAt: now }).where(eq(staffUsers.id, user.id));
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
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
    })
    .from(staffUsers)
    .innerJoin(staffSessions, and(eq(staffSessions.staffId, staffUsers.id), eq(staffSessions.id, sessionId), isNull(staffSessions.endedAt), gt(staffSessions.expiresAt, now)))
    .where(and(eq(staffUsers.id, id), eq(staffUsers.active, true), eq(staffUsers.sessionVersion, sessionVersion)));
  return user ?? null;
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
