import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A consumer, identified by the phone number the orders were placed with. */
export const customers = pgTable(
  "customers",
  {
    id: uuid().primaryKey().defaultRandom(),
    phone: text().notNull().unique(),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Staff search a customer by the last four digits of the phone, as read out on a call.
    index("customers_phone_last4_idx").on(sql`right(${t.phone}, 4)`),
    // Staff search by name, any part of it (pg_trgm, created in the migration).
    index("customers_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
  ],
);

/** A customer's signed-in browser after an SMS check; only the token's hash is stored. */
export const customerSessions = pgTable(
  "customer_sessions",
  {
    tokenHash: text().primaryKey(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("customer_sessions_customer_idx").on(t.customerId)],
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
