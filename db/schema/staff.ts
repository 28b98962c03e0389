import { boolean, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp({ withTimezone: true }),
});
