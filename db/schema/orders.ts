import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { skus, channels } from "./catalog";
import { customers } from "./customers";
import { orderStatus, paymentMethod } from "./enums";

export const orders = pgTable(
  "orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderNo: text().notNull().unique(),
    channelId: uuid()
      .notNull()
      .references(() => channels.id),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    status: orderStatus().notNull(),
    paymentMethod: paymentMethod().notNull(),
    /** The gateway's transaction id (Alipay trade_no / WeChat transaction_id) refunds go back to. */
    gatewayTxnId: text(),
    totalPaidFen: integer().notNull(),
    /** Sum of refunds started or paid. The CHECK makes over-refunding impossible, whatever the code does. */
    refundedFen: integer().notNull().default(0),
    paidAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("orders_customer_idx").on(t.customerId, t.createdAt),
    check("orders_refund_ceiling", sql`${t.refundedFen} >= 0 AND ${t.refundedFen} <= ${t.totalPaidFen}`),
    check("orders_total_nonnegative", sql`${t.totalPaidFen} >= 0`),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    skuId: uuid()
      .notNull()
      .references(() => skus.id),
    /** Name and attributes as sold, so later catalog edits do not rewrite history. */
    title: text().notNull(),
    quantity: integer().notNull(),
    unitPriceFen: integer().notNull(),
    /** What the customer paid for the whole line after discounts: the refund basis. */
    paidFen: integer().notNull(),
    /** Units held by requests that are open or done. */
    claimedQuantity: integer().notNull().default(0),
  },
  (t) => [
    index("order_lines_order_idx").on(t.orderId),
    check("order_lines_quantity_positive", sql`${t.quantity} > 0`),
    check("order_lines_claim_within_quantity", sql`${t.claimedQuantity} >= 0 AND ${t.claimedQuantity} <= ${t.quantity}`),
    check("order_lines_paid_nonnegative", sql`${t.paidFen} >= 0`),
  ],
);
