/**
 * The refund records' statements (docs/decisions/021-refunds-exactly-once.md). The reservation
 * and its release each change a refund row and the order's refunded_fen in ONE statement, whose
 * CHECK refuses any reservation past what was paid; both are guarded by the refund's status, so
 * each happens once per record however often an answer is recorded.
 */
import type { Sql } from "postgres";
import type { GatewayAnswerRecord } from "../../../db/schema/refunds";
import type { TxSql } from "../../../db/client";
import type { PaymentMethod, RefundChannel, RefundKind, RefundStatus } from "../../domain/vocabulary";
import { jsonText, toDate, toDateOrNull, ts, tsOrNull } from "./values";

export interface RefundRow {
  id: string;
  requestId: string;
  orderId: string;
  kind: RefundKind;
  amountFen: number;
  outRefundNo: string;
  method: PaymentMethod;
  channel: RefundChannel;
  status: RefundStatus;
  attempts: number;
  nextCheckAt: Date | null;
  createdAt: Date;
}

const ROW = (sql: TxSql | Sql) => sql`
  id, request_id AS "requestId", order_id AS "orderId", kind, amount_fen AS "amountFen", out_refund_no AS "outRefundNo",
  gateway AS method, channel, status, attempts, next_check_at AS "nextCheckAt", created_at AS "createdAt"`;

type RawRow = Omit<RefundRow, "nextCheckAt" | "createdAt"> & { nextCheckAt: string | Date | null; createdAt: string | Date };
const fromRaw = (r: RawRow): RefundRow => ({ ...r, nextCheckAt: toDateOrNull(r.nextCheckAt), createdAt: toDate(r.createdAt) });

/**
 * What the refund step needs to decide, in one round trip: how the order was paid, how many
 * refund records the request has (the next number is one more; numbers are never reused), and
 * its newest record of this kind (the one a retry continues or replaces).
 */
export async function refundStepContext(sql: TxSql, requestId: string, orderId: string, kind: RefundKind): Promise<{ method: PaymentMethod | undefined; count: number; latest: RefundRow | undefined }> {
  const [row] = await sql<{ method: PaymentMethod | null; count: number; latest: RawRow | null }[]>`
    SELECT (SELECT payment_method FROM orders WHERE id = ${orderId}) AS method,
           (SELECT count(*)::int FROM refunds WHERE request_id = ${requestId}) AS count,
           (SELECT row_to_json(l) FROM (
              SELECT ${ROW(sql)} FROM refunds WHERE request_id = ${requestId} AND kind = ${kind} ORDER BY created_at DESC, out_refund_no DESC LIMIT 1
            ) l) AS latest`;
  return { method: row?.method ?? undefined, count: row?.count ?? 0, latest: row?.latest ? fromRaw(row.latest) : undefined };
}

/** Writes a new refund record and reserves its amount on the order, in one statement. */
export async function createRefund(
  sql: TxSql,
  r: {
    requestId: string;
    orderId: string;
    kind: RefundKind;
    amountFen: number;
    outRefundNo: string;
    channel: RefundChannel;
    replacesRefundId: string | null;
    createdBy: string | null;
    nextCheckAt: Date | null;
    now: Date;
  },
): Promise<string | undefined> {
  const [row] = await sql<{ id: string }[]>`
    WITH created AS (
      INSERT INTO refunds (request_id, order_id, kind, amount_fen, out_refund_no, gateway, channel, replaces_refund_id, created_by, next_check_at, created_at, updated_at)
      SELECT ${r.requestId}::uuid, o.id, ${r.kind}::refund_kind, ${r.amountFen}::int, ${r.outRefundNo}::text, o.payment_method, ${r.channel}::refund_channel,
             ${r.replacesRefundId}::uuid, ${r.createdBy}::uuid, ${tsOrNull(r.nextCheckAt)}::timestamptz, ${ts(r.now)}::timestamptz, ${ts(r.now)}::timestamptz
      FROM orders o WHERE o.id = ${r.orderId}
      RETURNING id, order_id, amount_fen
    ), reserved AS (
      UPDATE orders SET refunded_fen = orders.refunded_fen + created.amount_fen FROM created WHERE orders.id = created.order_id
    )
    SELECT id FROM created`;
  return row?.id;
}

/**
 * Sends a refused (failed) refund again under its own number: it is live again and its amount
 * reserved again (it was released when it failed). Undefined if it is not failed any more.
 */
export async function rearmRefund(sql: TxSql, refundId: string, nextCheckAt: Date | null, now: Date): Promise<string | undefined> {
  const [row] = await sql<{ id: string }[]>`
    WITH rearmed AS (
      UPDATE refunds SET status = 'pending', failure_reason = NULL, next_check_at = ${tsOrNull(nextCheckAt)}::timestamptz, updated_at = ${ts(now)}::timestamptz
      WHERE id = ${refundId} AND status = 'failed'
      RETURNING id, order_id, amount_fen
    ), reserved AS (
      UPDATE orders SET refunded_fen = orders.refunded_fen + rearmed.amount_fen FROM rearmed WHERE orders.id = rearmed.order_id
    )
    SELECT id FROM rearmed`;
  return row?.id;
}

/** The refund, locked for the rest of the transaction. */
export async function lockRefund(sql: TxSql, refundId: string): Promise<RefundRow | undefined> {
  const [row] = await sql<RawRow[]>`SELECT ${ROW(sql)} FROM refunds WHERE id = ${refundId} FOR UPDATE`;
  return row && fromRaw(row);
}

/** The request a refund belongs to (no lock: the caller locks the request first, then the refund). */
export async function requestOfRefund(sql: TxSql | Sql, refundId: string): Promise<string | undefined> {
  const [row] = await sql<{ requestId: string }[]>`SELECT request_id AS "requestId" FROM refunds WHERE id = ${refundId}`;
  return row?.requestId;
}

/** The refund with this merchant refund number. */
export async function refundIdByNumber(sql: Sql, outRefundNo: string): Promise<string | undefined> {
  const [row] = await sql<{ id: string }[]>`SELECT id FROM refunds WHERE out_refund_no = ${outRefundNo}`;
  return row?.id;
}

const LIVE = ["pending", "processing", "abnormal"] as const;

/** The gateway paid. Only from a live status. */
export async function markSucceeded(sql: TxSql, id: string, a: { gatewayRefundId: string | null; succeededAt: Date; answer: GatewayAnswerRecord; calls: number; now: Date }): Promise<boolean> {
  const rows = await sql`
    UPDATE refunds SET status = 'succeeded', gateway_refund_id = COALESCE(${a.gatewayRefundId}, gateway_refund_id), succeeded_at = ${ts(a.succeededAt)}::timestamptz,
           last_answer = ${jsonText(a.answer)}::jsonb, attempts = attempts + ${a.calls}::int, next_check_at = NULL, failure_reason = NULL, updated_at = ${ts(a.now)}::timestamptz
    WHERE id = ${id} AND status IN ${sql(LIVE)}`;
  return rows.count > 0;
}

/** Nothing was paid and nothing will be under this number: final, and the reservation is released in the same statement. */
export async function markEndedUnpaid(sql: TxSql, id: string, a: { status: "failed" | "closed"; reason: string | null; answer: GatewayAnswerRecord; calls: number; now: Date }): Promise<boolean> {
  const [row] = await sql<{ n: number }[]>`
    WITH ended AS (
      UPDATE refunds SET status = ${a.status}::refund_status, failure_reason = ${a.reason}, last_answer = ${jsonText(a.answer)}::jsonb,
             attempts = attempts + ${a.calls}::int, next_check_at = NULL, updated_at = ${ts(a.now)}::timestamptz
      WHERE id = ${id} AND status IN ('pending', 'processing')
      RETURNING order_id, amount_fen
    ), released AS (
      UPDATE orders SET refunded_fen = orders.refunded_fen - ended.amount_fen FROM ended WHERE orders.id = ended.order_id
    )
    SELECT count(*)::int AS n FROM ended`;
  return (row?.n ?? 0) > 0;
}

/** The payout failed at the bank: a person acts; the money is not back with us, so the reservation stays. */
export async function markAbnormal(sql: TxSql, id: string, a: { reason: string | null; answer: GatewayAnswerRecord; calls: number; now: Date }): Promise<boolean> {
  const rows = await sql`
    UPDATE refunds SET status = 'abnormal', failure_reason = ${a.reason}, last_answer = ${jsonText(a.answer)}::jsonb,
           attempts = attempts + ${a.calls}::int, next_check_at = NULL, updated_at = ${ts(a.now)}::timestamptz
    WHERE id = ${id} AND status IN ('pending', 'processing')`;
  return rows.count > 0;
}

/** No final answer yet: what the gateway said, and when to ask again (null: overdue, a person looks). */
export async function markWaiting(sql: TxSql, id: string, a: { status: "pending" | "processing"; gatewayRefundId: string | null; answer: GatewayAnswerRecord; calls: number; nextCheckAt: Date | null; now: Date }): Promise<boolean> {
  const rows = await sql`
    UPDATE refunds SET status = ${a.status}::refund_status, gateway_refund_id = COALESCE(${a.gatewayRefundId}, gateway_refund_id), last_answer = ${jsonText(a.answer)}::jsonb,
           attempts = attempts + ${a.calls}::int, next_check_at = ${tsOrNull(a.nextCheckAt)}::timestamptz, updated_at = ${ts(a.now)}::timestamptz
    WHERE id = ${id} AND status IN ('pending', 'processing')`;
  return rows.count > 0;
}

/**
 * Takes a due refund for one check: moves its next check out by `leaseUntil` so another
 * reconciler pass does not ask at the same time. False if it is not due any more (taken, or final).
 */
export async function claimDueCheck(sql: Sql, id: string, now: Date, leaseUntil: Date): Promise<boolean> {
  const rows = await sql`
    UPDATE refunds SET next_check_at = ${ts(leaseUntil)}::timestamptz
    WHERE id = ${id} AND status IN ('pending', 'processing') AND next_check_at <= ${ts(now)}::timestamptz`;
  return rows.count > 0;
}

/** Live gateway refunds whose next check is due, oldest first. */
export async function dueRefunds(sql: Sql, now: Date, limit: number): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    SELECT id FROM refunds
    WHERE next_check_at <= ${ts(now)}::timestamptz AND status IN ('pending', 'processing') AND channel IN ('alipay', 'wechat_pay')
    ORDER BY next_check_at LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

export interface RefundToSend {
  id: string;
  requestId: string;
  outRefundNo: string;
  channel: RefundChannel;
  status: RefundStatus;
  amountFen: number;
  orderNo: string;
  gatewayTxnId: string | null;
  totalPaidFen: number;
  rmaNo: string;
  attempts: number;
  createdAt: Date;
}

/** What the gateway needs to pay or look up a refund. Outside any transaction: nothing is locked while the gateway works. */
export async function refundToSend(sql: Sql, refundId: string): Promise<RefundToSend | undefined> {
  const [row] = await sql<(Omit<RefundToSend, "createdAt"> & { createdAt: string | Date })[]>`
    SELECT f.id, f.request_id AS "requestId", f.out_refund_no AS "outRefundNo", f.channel, f.status, f.amount_fen AS "amountFen",
           o.order_no AS "orderNo", o.gateway_txn_id AS "gatewayTxnId", o.total_paid_fen AS "totalPaidFen", r.rma_no AS "rmaNo",
           f.attempts, f.created_at AS "createdAt"
    FROM refunds f
    JOIN orders o ON o.id = f.order_id
    JOIN return_requests r ON r.id = f.request_id
    WHERE f.id = ${refundId}`;
  return row && { ...row, createdAt: toDate(row.createdAt) };
}
