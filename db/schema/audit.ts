import { sql } from "drizzle-orm";
import { bigserial, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { returnRequests } from "./returns";
import { staffUsers } from "./staff";

/**
 * Personal-data access log: one row each time a staff user reveals a customer's full contact
 * data on a request (PIPL: access to personal information is on record). Written in the same
 * transaction that reads the value, so there is no reveal without its row.
 */
export const contactReveals = pgTable(
  "contact_reveals",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    staffId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    /** The role at the time: a later role change does not rewrite why the reveal was allowed. */
    staffRole: text().notNull(),
    requestId: uuid()
      .notNull()
      .references(() => returnRequests.id),
    field: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("contact_reveals_request_idx").on(t.requestId, t.createdAt),
    index("contact_reveals_staff_idx").on(t.staffId, t.createdAt),
    // Mirrors REVEAL_FIELDS (server/domain/read-access.ts); add a value to both.
    check("contact_reveals_field", sql`${t.field} IN ('phone')`),
  ],
);
