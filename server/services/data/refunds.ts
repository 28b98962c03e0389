/**
 * The refund statements of a step (actOnRequest) and of the payout (payOutRefund), one round
 * trip each: the reservation and its release each change a refund row and the order's
 * refunded_fen together, whose CHECK refuses any reservation past what was paid.
 */
import type { Sql } from "postgres";
import type { TxSql } from "../../../db/client";
import type { PaymentMethod } from "../../domain/vocabulary";
import { ts } from "./values";

/**
 * Creates the request's refund (or re-arms it after a failure, keeping its amount and number)
 * and reserves its amount on the order. Returns the refund id, or undefined if the order is gone.
 */
export async function reserveRefund(
  sql: TxSql,
  r: { requestId: string; orderId: string; amountFen: number; outRefundNo: string; now: Date },
): Promise<string | undefined> {
  // Interim until the refund flow of docs/decisions/021 lands: one goods refund per request, re-armed after a failure.
  const [row] = await sql<{ id: string }[]>`
    WITH rearmed AS (
      UPDATE refunds SET status = 'pending', failure_reason = NULL, attempts = refunds.attempts + 1, updated_at = ${ts(r.now)}::timestamptz
      WHERE request_id = ${r.requestId} AND kind = 'goods' AND status = 'failed'
      RETURNING id, order_id, amount_fen
    ), created AS (
      INSERT INTO refunds (request_id, order_id, amount_fen, out_refund_no, gateway, channel, attempts)
      SELECT ${r.requestId}::uuid, o.id, ${r.amountFen}::int, ${r.outRefundNo}::text, o.payment_method,
             CASE o.payment_method WHEN 'alipay' THEN 'alipay' WHEN 'wechat_pay' THEN 'wechat_pay' WHEN 'platform' THEN 'platform' ELSE 'offline' END::refund_channel, 1
      FROM orders o WHERE o.id = ${r.orderId} AND NOT EXISTS (SELECT 1 FROM rearmed)
      RETURNING id, order_id, amount_fen
    ), refund AS (SELECT * FROM rearmed UNION ALL SELECT * FROM created), reserved AS (
      UPDATE orders SET refunded_fen = orders.refunded_fen + refund.amount_fen
      FROM refund WHERE orders.id = refund.order_id
    )
    SELECT id FROM refund`;
  return row?.id;
}

/** The gateway paid: the refund is done (the request's step is recorded by the caller). */
export async function markRefundSucceeded(sql: TxSql, requestId: string, gatewayRefundId: string | null, now: Date): Promise<void> {
  await sql`
    UPDATE refunds SET status = 'succeeded', gateway_refund_id = ${gatewayRefundId}, updated_at = ${ts(now)}::timestamptz
    WHERE request_id = ${requestId} AND status IN ('pending', 'processing')`;
}

/** The gateway refused: the refund failed and its amount is no longer reserved on the order. False if there is no refund. */
export async function releaseRefund(sql: TxSql, requestId: string, reason: string | null, now: Date): Promise<boolean> {
  const [row] = await sql<{ n: number }[]>`
    WITH released AS (
      UPDATE refunds SET status = 'failed', failure_reason = ${reason}, updated_at = ${ts(now)}::timestamptz
      WHERE request_id = ${requestId} AND status IN ('pending', 'processing')
      RETURNING order_id, amount_fen
    ), unreserved AS (
      UPDATE orders SET refunded_fen = orders.refunded_fen - released.amount_fen
      FROM released WHERE orders.id = released.order_id
    )
    SELECT count(*)::int AS n FROM released`;
  return (row?.n ?? 0) > 0;
}

export interface RefundToPay {
  requestId: string;
  outRefundNo: string;
  /** The order's payment method (refunds.gateway): which gateway pays it back. */
  method: PaymentMethod;
  amountFen: number;
  gatewayTxnId: string | null;
  totalPaidFen: number;
  rmaNo: string;
}

/** What the gateway needs to pay a refund. Outside any transaction: nothing is locked while the gateway works. */
export async function refundToPay(sql: Sql, refundId: string): Promise<RefundToPay | undefined> {
  const [row] = await sql<RefundToPay[]>`
    SELECT f.request_id AS "requestId", f.out_refund_no AS "outRefundNo", f.gateway AS "method", f.amount_fen AS "amountFen",
           o.gateway_txn_id AS "gatewayTxnId", o.total_paid_fen AS "totalPaidFen", r.rma_no AS "rmaNo"
    FROM refunds f
    JOIN orders o ON o.id = f.order_id
    JOIN return_requests r ON r.id = f.request_id
    WHERE f.id = ${refundId}`;
  return row;
}

/** How the request's order was paid (undefined if there is no such request). */
export async function paymentMethodOfRequest(sql: Sql, requestId: string): Promise<PaymentMethod | undefined> {
  const [row] = await sql<{ method: PaymentMethod }[]>`
    SELECT o.payment_method AS method FROM return_requests r JOIN orders o ON o.id = r.order_id WHERE r.id = ${requestId}`;
  return row?.method;
}
