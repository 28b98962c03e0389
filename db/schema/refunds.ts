import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { paymentMethod, refundStatus } from "./enums";
import { orders } from "./orders";
import { returnRequests } from "./returns";

/**
 * One refund per request. `outRefundNo` is the merchant refund number sent to the gateway
 * (Alipay out_request_no, WeChat out_refund_no): it never changes across retries, so the
 * gateway itself refuses to pay twice.
 */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .unique()
      .references(() => returnRequests.id),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    amountFen: integer().notNull(),
    outRefundNo: text().notNull().unique(),
    gateway: paymentMethod().notNull(),
    status: refundStatus().notNull().default("pending"),
    gatewayRefundId: text(),
    failureReason: text(),
    attempts: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("refunds_amount_positive", sql`${t.amountFen} > 0`)],
);
