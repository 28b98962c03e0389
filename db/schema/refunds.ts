import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { paymentMethod, refundChannel, refundKind, refundStatus } from "./enums";
import { orders } from "./orders";
import { returnRequests } from "./returns";
import { staffUsers } from "./staff";

/** The gateway's last word on a refund, kept for finance to read (never parsed for decisions). */
export interface GatewayAnswerRecord {
  state: string;
  code?: string;
  message?: string;
  at: string;
}

/**
 * Refund records (docs/decisions/021-refunds-exactly-once.md). A request may have several: a
 * retry after the gateway CLOSED a number, a price difference, postage. Each record has its own
 * merchant refund number (`outRefundNo`: Alipay out_request_no, WeChat out_refund_no), created
 * once, reused on every retry of that record and never for another, so the gateway itself refuses
 * to pay it twice. The amount is reserved on the order (orders.refunded_fen, whose CHECK is the
 * ceiling across all records) when the record is written and released exactly once if it ends
 * failed or closed. At most one live refund (pending, processing, abnormal) per request and kind
 * (a double click or a second finance user cannot start a second payout of the same thing): that
 * partial unique index is hand-written in migration 0014 (refunds_one_live_per_kind).
 */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => returnRequests.id),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    kind: refundKind().notNull().default("goods"),
    amountFen: integer().notNull(),
    outRefundNo: text().notNull().unique(),
    /** How the order was paid. */
    gateway: paymentMethod().notNull(),
    /** Who pays this refund back (the order's gateway, finance offline, or the platform). */
    channel: refundChannel().notNull(),
    status: refundStatus().notNull().default("pending"),
    gatewayRefundId: text(),
    failureReason: text(),
    lastAnswer: jsonb().$type<GatewayAnswerRecord>(),
    /** Gateway calls made (start and query). */
    attempts: integer().notNull().default(0),
    /** When the reconciler next asks the gateway; null once the refund is final. */
    nextCheckAt: timestamp({ withTimezone: true }),
    /** The refund this one retries under a new number after the gateway closed it. */
    replacesRefundId: uuid().references((): AnyPgColumn => refunds.id),
    /** Finance's bank-transfer or cash reference for an offline refund. */
    offlineReference: text(),
    /** How finance paid an offline refund: bank_transfer or cash (docs/decisions/024). */
    offlineMethod: text(),
    /** The staff user who started (or recorded) the refund; null when the system did. */
    createdBy: uuid().references(() => staffUsers.id),
    succeededAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("refunds_amount_positive", sql`${t.amountFen} > 0`),
    check("refunds_offline_method", sql`${t.offlineMethod} IS NULL OR ${t.offlineMethod} IN ('bank_transfer', 'cash')`),
    index("refunds_request_idx").on(t.requestId, t.createdAt),
    index("refunds_next_check_idx").on(t.nextCheckAt).where(sql`${t.nextCheckAt} IS NOT NULL`),
    index("refunds_updated_idx").on(t.updatedAt),
  ],
);
