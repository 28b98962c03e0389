import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffRole } from "./enums";

export const staffUsers = pgTable("staff_users", {
  id: uuid().primaryKey().defaultRandom(),
  /** Stored lower-cased. */
  email: text().notNull().unique(),
  name: text().notNull(),
  /** argon2id */
  passwordHash: text().notNull(),
  role: staffRole().notNull(),
  active: boolean().notNull().default(true),
  /** Bumped on disable, role change or password change: every session signed with an older value ends. */
  sessionVersion: integer().notNull().default(1),
  /** Set when an admin hands out a one-time password: the user must choose their own before working. */
  mustChangePassword: boolean().notNull().default(false),
  /**
   * TOTP secret (base32), AES-256-GCM encrypted (server/auth/secret-box.ts); null until the user
   * confirms enrollment with a first code. Finance and admin must have one (ADR 019).
   */
  totpSecret: text(),
  /** A secret shown on the enrollment page but not yet confirmed by a code (encrypted too). */
  totpPendingSecret: text(),
  /** The newest TOTP time step accepted: a code of that step or older is refused (replay). */
  totpLastStep: integer(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp({ withTimezone: true }),
});

/**
 * One row per sign-in; its id travels in the JWT. Signing out ends the row, so a copied token
 * is refused afterwards (docs/decisions/010-server-side-sign-out.md).
 */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    staffId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    /** When this session passed the second factor (TOTP or recovery code); null = password only. */
    secondFactorAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("staff_sessions_staff_idx").on(t.staffId)],
);

/**
 * One-time recovery codes for a lost authenticator: shown once at enrollment, stored as SHA-256
 * (they are 50-bit random, so a fast hash is enough), each usable once (used_at).
 */
export const staffRecoveryCodes = pgTable(
  "staff_recovery_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    staffId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("staff_recovery_codes_staff_idx").on(t.staffId)],
);

/** Who changed which staff account, how and when. Append-only by convention of the services. */
export const staffAudit = pgTable(
  "staff_audit",
  {
    id: uuid().primaryKey().defaultRandom(),
    actorId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    /** The staff account changed; null for actions on no account (a queue export, a fulfilled erasure request). */
    targetId: uuid().references(() => staffUsers.id),
    /** create | role | disable | enable | reset_password | change_password | export_queue | fulfil_erasure | enroll_totp | reset_totp | recovery_code_used */
    action: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("staff_audit_target_idx").on(t.targetId, t.createdAt)],
);
