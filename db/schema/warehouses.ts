import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channelCode } from "./enums";
import { staffUsers } from "./staff";

/**
 * Where returned parcels go, configured by the store manager (docs/decisions/027). A request is
 * given one at submission (return_requests.warehouse_id) from the order's channel and the
 * request's categories; the H5 page and the return slip print its address. Rows are never
 * deleted (requests refer to them): a warehouse leaves the choice by being deactivated.
 */
export const warehouses = pgTable(
  "warehouses",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    /** The full postal address as it goes on a parcel (province, city, district, street, building). */
    address: text().notNull(),
    contactName: text().notNull(),
    contactPhone: text().notNull(),
    postalCode: text(),
    active: boolean().notNull().default(true),
    /** The one warehouse every request without a more specific match goes to. */
    isDefault: boolean().notNull().default(false),
    /** The channels whose orders it receives; empty = every channel. */
    channelCodes: channelCode().array().notNull().default(sql`'{}'::channel_code[]`),
    /** The categories it receives (categories.id); empty = every category. */
    categoryIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** Optimistic lock for the editor: every change bumps it. */
    version: integer().notNull().default(1),
    updatedBy: uuid().references(() => staffUsers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // At most one default; the service moves it in one transaction, so there is always exactly one.
    uniqueIndex("warehouses_one_default").on(t.isDefault).where(sql`${t.isDefault}`),
    index("warehouses_active_idx").on(t.active),
    // The default is where everything else goes: it cannot be switched off.
    check("warehouses_default_active", sql`NOT ${t.isDefault} OR ${t.active}`),
    check("warehouses_name_length", sql`char_length(${t.name}) BETWEEN 1 AND 60`),
    check("warehouses_address_length", sql`char_length(${t.address}) BETWEEN 1 AND 200`),
  ],
);
