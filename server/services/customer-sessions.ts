import { createHash } from "node:crypto";
import { and, asc, eq, gt, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { customerSessions, customers } from "../../db/schema";
import { AppError } from "../domain/errors";
import { maskPhone } from "./mask-phone";

/**
 * The customer's signed-in browsers: who a token belongs to, the device list, signing out one
 * device or all of them, and the purge of ended sessions. A session is created by the SMS check
 * (customer-verification.ts); it ends at expires_at, when signed out, or after `idleDays`
 * without use (docs/decisions/018-personal-data.md).
 */

/** last_seen_at is written at most this often per session: not one UPDATE per request. */
export const TOUCH_EVERY_MS = 5 * 60_000;
/** Enough of a User-Agent to tell "iPhone WeChat" from "Android Chrome"; no more is stored. */
const USER_AGENT_MAX = 200;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const idleCutoff = (now: Date, idleDays: number) => new Date(now.getTime() - idleDays * 86_400_000);

export interface CustomerIdentity {
  id: string;
  /** Masked ("138****5678"): a signed-in request never needs the full number, so it never carries it. */
  phone: string;
  name: string;
  /** The session this request came with (the device list marks it "this device"); absent in callers built without one (tests). */
  sessionId?: string;
}

/**
 * The customer a session token belongs to, or null when the token is unknown, past its expiry
 * or idle too long. Touches last_seen_at when it is older than TOUCH_EVERY_MS (and records the
 * browser's User-Agent then, or on the session's first request), so an active customer stays
 * signed in.
 */
export async function customerFromSession(
  db: DbOrTx,
  token: string | undefined,
  opts: { idleDays: number; userAgent?: string | null; now?: Date },
): Promise<CustomerIdentity | null> {
  if (!token) return null;
  const now = opts.now ?? new Date();
  const tokenHash = sha256(token);
  const [row] = await db
    .select({ id: customers.id, phone: customers.phone, name: customers.name, sessionId: customerSessions.id, lastSeenAt: customerSessions.lastSeenAt, userAgent: customerSessions.userAgent })
    .from(customerSessions)
    .innerJoin(customers, eq(customers.id, customerSessions.customerId))
    .where(and(eq(customerSessions.tokenHash, tokenHash), gt(customerSessions.expiresAt, now), gt(customerSessions.lastSeenAt, idleCutoff(now, opts.idleDays))));
  if (!row) return null;
  const userAgent = opts.userAgent ? opts.userAgent.slice(0, USER_AGENT_MAX) : undefined;
  // Also on the first request of a new session, so the device list can name it right away.
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS || (row.userAgent === null && userAgent)) {
    await db
      .update(customerSessions)
      .set({ lastSeenAt: now, ...(userAgent ? { userAgent } : {}) })
      .where(eq(customerSessions.tokenHash, tokenHash));
  }
  return { id: row.id, phone: maskPhone(row.phone), name: row.name, sessionId: row.sessionId };
}

export interface CustomerDevice {
  id: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** The customer's live sessions, newest use first. */
export async function listDevices(db: DbOrTx, customerId: string, currentSessionId: string | undefined, idleDays: number, now = new Date()): Promise<CustomerDevice[]> {
  const rows = await db
    .select({ id: customerSessions.id, userAgent: customerSessions.userAgent, createdAt: customerSessions.createdAt, lastSeenAt: customerSessions.lastSeenAt })
    .from(customerSessions)
    .where(and(eq(customerSessions.customerId, customerId), gt(customerSessions.expiresAt, now), gt(customerSessions.lastSeenAt, idleCutoff(now, idleDays))))
    .orderBy(sql`${customerSessions.lastSeenAt} DESC`, asc(customerSessions.id));
  return rows.map((r) => ({ ...r, current: r.id === currentSessionId }));
}

/** Ends one of the customer's own sessions; another customer's id is not found. */
export async function endDevice(db: DbOrTx, customerId: string, sessionId: string): Promise<void> {
  const ended = await db
    .delete(customerSessions)
    .where(and(eq(customerSessions.customerId, customerId), eq(customerSessions.id, sessionId)))
    .returning({ id: customerSessions.id });
  if (!ended.length) throw new AppError("not_found");
}

/** "Sign out everywhere": every session of the customer ends, this one too. Returns how many. */
export async function endAllDevices(db: DbOrTx, customerId: string): Promise<number> {
  const ended = await db.delete(customerSessions).where(eq(customerSessions.customerId, customerId)).returning({ id: customerSessions.id });
  return ended.length;
}

/** The worker's purge: sessions past their expiry or idle too long are deleted. Returns how many. */
export async function purgeEndedSessions(db: DbOrTx, idleDays: number, now = new Date()): Promise<number> {
  const purged = await db
    .delete(customerSessions)
    .where(or(lte(customerSessions.expiresAt, now), lte(customerSessions.lastSeenAt, idleCutoff(now, idleDays))))
    .returning({ id: customerSessions.id });
  return purged.length;
}
