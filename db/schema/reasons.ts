import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { reasonKind } from "./enums";
import { staffUsers } from "./staff";

/**
 * The reasons customers give for a return line and staff give for a rejection, edited by the
 * store manager. Rows are never deleted (requests refer to them by code): a reason leaves the
 * pickers by being retired. `code` never changes, so platform reason codes can be mapped onto
 * it later; names, order and the photo rule do.
 */
export const returnReasons = pgTable(
  "return_reasons",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: reasonKind().notNull(),
    code: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    /** Order in the pickers, ascending within a kind. */
    position: integer().notNull(),
    /** Customer reasons only: a line giving this reason needs at least one photo. */
    photoRequired: boolean().notNull().default(false),
    /** Set when retired: no longer offered, still shown on the requests that have it. */
    retiredAt: timestamp({ withTimezone: true }),
    /** Optimistic lock for the editor: every change bumps it. */
    version: integer().notNull().default(1),
    updatedBy: uuid().references(() => staffUsers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Also the target of the foreign keys from return_lines and return_requests.
    unique("return_reasons_kind_code").on(t.kind, t.code),
    check("return_reasons_code_format", sql`${t.code} ~ '^[a-z0-9_]{2,40}$'`),
    check("return_reasons_names_length", sql`char_length(${t.nameZh}) BETWEEN 1 AND 40 AND char_length(${t.nameEn}) BETWEEN 1 AND 40`),
    check("return_reasons_photo_customer_only", sql`${t.kind} = 'customer' OR NOT ${t.photoRequired}`),
  ],
);
