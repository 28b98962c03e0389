import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { skus } from "./catalog";
import { stockMovementReason } from "./enums";
import { returnRequests } from "./returns";
import { staffUsers } from "./staff";

/**
 * Every change of a SKU's stock, written in the same transaction as the change of `skus.stock`
 * itself: the reason, the request it belongs to, who did it. An ERP or WMS can follow the rows
 * in id order (docs/decisions/026-stock-movements.md). Reservations are not movements: they
 * change `skus.reserved`, not the stock on the shelf.
 */
export const stockMovements = pgTable(
  "stock_movements",
  {
    id: uuid().primaryKey().defaultRandom(),
    skuId: uuid()
      .notNull()
      .references(() => skus.id),
    /** Units added (positive) or taken (negative); never zero. */
    delta: integer().notNull(),
    reason: stockMovementReason().notNull(),
    requestId: uuid().references(() => returnRequests.id),
    /** What inside the request caused it, e.g. the parcel line that was restocked. */
    sourceRef: text(),
    staffId: uuid().references(() => staffUsers.id),
    /** The stock after this movement, as the same statement left it. */
    stockAfter: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("stock_movements_sku_idx").on(t.skuId, t.createdAt),
    index("stock_movements_request_idx").on(t.requestId).where(sql`${t.requestId} IS NOT NULL`),
    check("stock_movements_delta_nonzero", sql`${t.delta} <> 0`),
    check("stock_movements_stock_after_nonnegative", sql`${t.stockAfter} >= 0`),
  ],
);
