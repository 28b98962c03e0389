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

/** One SMS code sent; the code itself is only kept hashed. */
export const smsVerifications = pgTable(
  "sms_verifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    phone: text().notNull(),
    codeHash: text().notNull(),
    attempts: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    consumedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sms_verifications_phone_idx").on(t.phone, t.createdAt)],
);

/** Messages "sent" while no SMS provider is configured (dev, demo, tests). */
export const smsOutbox = pgTable(
  "sms_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    phone: text().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sms_outbox_phone_idx").on(t.phone, t.createdAt)],
);
