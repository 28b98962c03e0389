import { bigserial, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { actorType, returnAction, returnStatus } from "./enums";
import { returnRequests } from "./returns";

/**
 * The append-only history of every request. A trigger (migration 0001) refuses UPDATE, DELETE
 * and TRUNCATE; `hash` chains each event to the previous one of the same request.
 */
export const returnEvents = pgTable(
  "return_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    requestId: uuid()
      .notNull()
      .references(() => returnRequests.id),
    seq: integer().notNull(),
    actorType: actorType().notNull(),
    actorId: text(),
    role: text().notNull(),
    action: returnAction().notNull(),
    fromStatus: returnStatus(),
    toStatus: returnStatus().notNull(),
    reasonCode: text(),
    comment: text(),
    changes: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
    /**
     * Set when the event's personal fields (comment, return tracking number) were erased after
     * retention: `sealed` then keeps their SHA-256 digests, which is what the hash covers, so the
     * history still verifies without the person (docs/decisions/018-personal-data.md). The
     * trigger allows exactly that one UPDATE.
     */
    redactedAt: timestamp({ withTimezone: true }),
    sealed: jsonb().$type<Record<string, string>>(),
  },
  (t) => [unique("return_events_request_seq").on(t.requestId, t.seq), index("return_events_created_idx").on(t.createdAt)],
);
