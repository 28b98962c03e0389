import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "./staff";

/** A consumer, identified by the phone number the orders were placed with. */
export const customers = pgTable(
  "customers",
  {
    id: uuid().primaryKey().defaultRandom(),
    phone: text().notNull().unique(),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * Set when the person was removed from the row (retention or an erasure request): phone and
     * name then hold placeholders, and the row stays for the orders and requests that point at it
     * (server/services/personal-data, docs/decisions/018-personal-data.md).
     */
    anonymisedAt: timestamp({ withTimezone: true }),
    /**
     * The language of the customer's H5 at their last verification or submission (zh-CN | en):
     * the language of the SMS notifications they get. Null = never seen (zh-CN).
     */
    locale: text(),
  },
  (t) => [
    // Staff search a customer by the last four digits of the phone, as read out on a call.
    index("customers_phone_last4_idx").on(sql`right(${t.phone}, 4)`),
    // Staff search by name, any part of it (pg_trgm, created in the migration).
    index("customers_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
  ],
);

/**
 * A customer's signed-in browser after an SMS check; only the token's hash is stored. A session
 * ends at expires_at, or earlier after CUSTOMER_SESSION_IDLE_DAYS without use (last_seen_at,
 * touched at most every few minutes: server/services/customer-sessions.ts).
 */
export const customerSessions = pgTable(
  "customer_sessions",
  {
    tokenHash: text().primaryKey(),
    /** What the device list names a session by: the token hash never leaves the server. */
    id: uuid().notNull().defaultRandom().unique(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The browser's User-Agent, cut short: lets the customer tell their devices apart. */
    userAgent: text(),
  },
  (t) => [index("customer_sessions_customer_idx").on(t.customerId), index("customer_sessions_expires_idx").on(t.expiresAt)],
);

/**
 * A customer's request to erase their personal data (PIPL art. 47). The store manager fulfils
 * it: what the law requires to keep (open requests, refunds and their accounting) stays, the
 * rest is anonymised (server/services/personal-data/erasure.ts).
 */
export const erasureRequests = pgTable(
  "erasure_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    /** pending → fulfilled */
    status: text().notNull().default("pending"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    fulfilledAt: timestamp({ withTimezone: true }),
    fulfilledBy: uuid().references(() => staffUsers.id),
    /** What was anonymised and what was kept, and why: shown to the customer. */
    outcome: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index("erasure_requests_status_idx").on(t.status, t.createdAt),
    index("erasure_requests_customer_idx").on(t.customerId, t.createdAt),
    check("erasure_requests_status", sql`${t.status} IN ('pending', 'fulfilled')`),
  ],
);

/**
 * One SMS code sent. The code itself is kept only as an HMAC keyed with a secret the database does
 * not hold (server/services/server-key.ts), so reading this table reveals no code. The delivery
 * record says what the provider answered, never what the message said (the old sms_outbox, which
 * kept every message in clear text, is gone: decisions/014).
 */
export const smsVerifications = pgTable(
  "sms_verifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    phone: text().notNull(),
    codeHash: text().notNull(),
    /** Wrong codes tried while this code was live, from every IP (void at 50). */
    attempts: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    consumedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** null = not handed to a provider (demo without one); `sent` / `failed` = the provider's answer. */
    deliveryStatus: text({ enum: ["sent", "failed"] }),
    providerMessageId: text(),
  },
  (t) => [index("sms_verifications_phone_idx").on(t.phone, t.createdAt)],
);
