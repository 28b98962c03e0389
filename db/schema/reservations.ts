import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { RESERVATION_STATUSES } from "../../server/domain/replacement-stock";
import { skus } from "./catalog";
import { returnLines, returnRequests } from "./returns";
import { stockMovements } from "./stock";

export const reservationStatus = pgEnum("reservation_status", RESERVATION_STATUSES);

/**
 * The replacement units an approved exchange holds (docs/decisions/030-exchange-stock.md): one
 * row per return line and approval, written in the same transaction as `skus.reserved +=
 * quantity`. Releasing or taking flips a `reserved` row exactly once (the statement's WHERE
 * status = 'reserved'), and gives back or takes exactly the quantity the row says, so a retried
 * or repeated step never moves a unit twice. A line approved again after a release (an upheld
 * appeal) gets a new row; at most one row per line is live.
 */
export const stockReservations = pgTable(
  "stock_reservations",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => returnRequests.id),
    returnLineId: uuid()
      .notNull()
      .references(() => returnLines.id),
    skuId: uuid()
      .notNull()
      .references(() => skus.id),
    quantity: integer().notNull(),
    status: reservationStatus().notNull().default("reserved"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set once, when the row leaves `reserved`. */
    releasedAt: timestamp({ withTimezone: true }),
    takenAt: timestamp({ withTimezone: true }),
    /** The stock movement (replacement_shipped) that took the units off the shelf. */
    movementId: uuid().references(() => stockMovements.id),
  },
  (t) => [
    uniqueIndex("stock_reservations_live_line_idx").on(t.returnLineId).where(sql`${t.status} = 'reserved'`),
    index("stock_reservations_request_idx").on(t.requestId),
    check("stock_reservations_quantity_positive", sql`${t.quantity} > 0`),
    check(
      "stock_reservations_status_times",
      sql`(${t.status} = 'reserved' AND ${t.releasedAt} IS NULL AND ${t.takenAt} IS NULL)
        OR (${t.status} = 'released' AND ${t.releasedAt} IS NOT NULL AND ${t.takenAt} IS NULL)
        OR (${t.status} = 'taken' AND ${t.takenAt} IS NOT NULL AND ${t.releasedAt} IS NULL AND ${t.movementId} IS NOT NULL)`,
    ),
  ],
);
