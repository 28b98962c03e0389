/**
 * The refund-record statements finance's actions share (docs/decisions/024-finance-refund-actions.md).
 * Every caller holds the request's row lock (actOnRequest), so reading the records, numbering a
 * new one and reserving its amount cannot race another action on the same request.
 */
import type { TxSql } from "../../../db/client";
import type { RefundStatus } from "../../domain/vocabulary";
import { ts } from "../data/values";

export interface LockedRefund {
  id: string;
  orderId: string;
  amountFen: number;
  status: RefundStatus;
  outRefundNo: string;
  gateway: string;
  channel: string;
}

/** One refund of the request, locked: the worker and the reconciler cannot settle it meanwhile. */
export async function lockRefund(sql: TxSql, requestId: string, refundId: string): Promise<LockedRefund | undefined> {
  const [row] = await sql<LockedRefund[]>`
    SELECT id, order_id AS "orderId", amount_fen AS "amountFen", status, out_refund_no AS "outRefundNo", gateway, channel
    FROM refunds WHERE id = ${refundId} AND request_id = ${requestId} AND kind = 'goods'
    FOR UPDATE`;
  return row;
}

/** The request's newest goods refund, locked (undefined when none was started). */
export async function lockLatestGoodsRefund(sql: TxSql, requestId: string): Promise<LockedRefund | undefined> {
  const [row] = await sql<LockedRefund[]>`
    SELECT id, order_id AS "orderId", amount_fen AS "amountFen", status, out_refund_no AS "outRefundNo", gateway, channel
    FROM refunds WHERE request_id = ${requestId} AND kind = 'goods'
    ORDER BY created_at DESC, id DESC LIMIT 1
    FOR UPDATE`;
  return row;
}

/** What the goods refunds of the request already paid, and whether one is still on its way. */
export async function goodsRefundState(sql: TxSql, requestId: string): Promise<{ paidFen: number; live: number }> {
  const [row] = await sql<{ paidFen: number; live: number }[]>`
    SELECT coalesce(sum(amount_fen) FILTER (WHERE status = 'succeeded'), 0)::int AS "paidFen",
           count(*) FILTER (WHERE status IN ('pending', 'processing'))::int AS live
    FROM refunds WHERE request_id = ${requestId} AND kind = 'goods'`;
  return row ?? { paidFen: 0, live: 0 };
}

/**
 * The next merchant refund number of the request, `RF<rma>-<n>` (n = 1, 2, …, never reused):
 * one more than the records it has. The unique index on out_refund_no is the last word.
 */
export async function nextRefundNo(sql: TxSql, requestId: string, rmaNo: string): Promise<string> {
  const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM refunds WHERE request_id = ${requestId}`;
  return `RF${rmaNo}-${(row?.n ?? 0) + 1}`;
}

/**
 * Adds (or, negative, takes back) an amount on the order's reservation. The order's CHECK
 * (refunded_fen ≤ total_paid_fen) refuses a reservation past what was paid.
 */
export async function reserveOnOrder(sql: TxSql, orderId: string, deltaFen: number): Promise<void> {
  if (deltaFen === 0) return;
  await sql`UPDATE orders SET refunded_fen = refunded_fen + ${deltaFen}::int WHERE id = ${orderId}`;
}

export interface NewRefund {
  requestId: string;
  orderId: string;
  amountFen: number;
  outRefundNo: string;
  /** Copied from the refund it replaces, or the order's payment method. */
  channel: "alipay" | "wechat_pay" | "offline" | "platform";
  status: "pending" | "succeeded";
  replacesRefundId: string | null;
  createdBy: string;
  offline?: { reference: string; method: string };
  now: Date;
}

/** Writes a refund record; the caller reserves its amount. */
export async function insertRefund(sql: TxSql, r: NewRefund): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO refunds (request_id, order_id, amount_fen, out_refund_no, gateway, channel, status, replaces_refund_id,
                         created_by, offline_reference, offline_method, succeeded_at, created_at, updated_at)
    SELECT ${r.requestId}::uuid, o.id, ${r.amountFen}::int, ${r.outRefundNo}, o.payment_method, ${r.channel}::refund_channel,
           ${r.status}::refund_status, ${r.replacesRefundId}::uuid, ${r.createdBy}::uuid, ${r.offline?.reference ?? null},
           ${r.offline?.method ?? null}, ${r.status === "succeeded" ? ts(r.now) : null}::timestamptz, ${ts(r.now)}::timestamptz, ${ts(r.now)}::timestamptz
    FROM orders o WHERE o.id = ${r.orderId}
    RETURNING id`;
  if (!row) throw new Error(`order ${r.orderId} of a request is missing`);
  return row.id;
}
