/**
 * The statements of one submission (submitReturn), hand-written because this is the hottest
 * write path: drizzle spent more CPU building these queries than PostgreSQL spent running them,
 * and one statement per line (held refunds, variant checks, claims) made a submission cost
 * 13+ round trips. Here it is BEGIN, lockOrder, submissionContext, insertSubmission, COMMIT
 * (plus lockDraftPhotos when photos come with it). postgres-js prepares each statement once per
 * connection. The decisions stay in submit-return.ts and server/domain.
 */
import type { TxSql } from "../../../db/client";
import type { ChainedEvent } from "../../domain/history";
import type { Route } from "../../domain/route";
import type { ReasonRule } from "../../domain/evidence";
import type { CountedRequest } from "../../domain/policy";
import type { ReasonCode, ReturnStatus, ReturnType } from "../../domain/vocabulary";
import type { WarehouseCandidate } from "../../domain/warehouse-choice";
import { queueEventNotifications } from "../../notifications/queue";
import { EVENT_COLUMNS, eventValues } from "./events";
import { jsonText, toDateOrNull, ts, tsOrNull } from "./values";

export interface LockedOrder {
  id: string;
  paidAt: Date | null;
  deliveredAt: Date | null;
}

/**
 * The customer's order, locked, after the customer's own row. Every submission against the order
 * queues here, so claims cannot race, and a duplicate submit waits and then finds the first one
 * by its key. The customer's row serialises their submissions against *different* orders too:
 * routing counts what the customer already holds in the history window (decideRouteOverSplits),
 * and two requests filed at once on two orders must not each miss the other. Lock order is
 * always customer, then order (the CTE is an InitPlan, evaluated before the order is scanned);
 * nothing locks a customer row after an order row (decision 017). FOR NO KEY UPDATE does not
 * block the foreign-key checks (FOR KEY SHARE) of rows that reference the customer.
 * Nothing else is read in this statement: what a waiting submission reads must come from a
 * snapshot taken after the lock is granted (the next statement).
 */
export async function lockOrder(sql: TxSql, orderId: string, customerId: string): Promise<LockedOrder | undefined> {
  const [row] = await sql<{ id: string; paid_at: string | null; delivered_at: string | null }[]>`
    WITH customer AS (SELECT id FROM customers WHERE id = ${customerId} FOR NO KEY UPDATE)
    SELECT id, paid_at, delivered_at FROM orders
    WHERE id = ${orderId} AND customer_id = (SELECT id FROM customer)
    FOR UPDATE`;
  return row && { id: row.id, paidAt: toDateOrNull(row.paid_at), deliveredAt: toDateOrNull(row.delivered_at) };
}

export interface ContextLine {
  id: string;
  skuId: string;
  title: string;
  quantity: number;
  paidFen: number;
  claimedQuantity: number;
  categoryId: string;
  categoryCode: string;
  highValue: boolean;
  returnable: boolean;
  returnWindowDays: number;
  /** What the requests that still hold units of this line ask to refund for them. */
  heldFen: number;
  /** The exchange variant asked for is another in-stock SKU of the same product. */
  variantInStock: boolean;
}

export interface SubmissionContext {
  /** A request already filed with this idempotency key. */
  existing: { id: string; rmaNo: string; status: ReturnStatus } | null;
  /** The policy in force (highest version); null only in a database that has none yet. */
  policyId: string | null;
  /** The customer's requests within the policy's history window before `now`. */
  priorReturns: number;
  /**
   * What routing counts with the new request: the requests of this order, and of this customer
   * created within the history window, that still hold their items (see holdsItems), each with
   * its value (a refund's amount; an exchange's goods at what was paid for them) and categories.
   */
  counted: CountedRequest[];
  /** The wanted lines of this order, in no particular order; a line of another order is absent. */
  lines: ContextLine[];
  /** The customer reasons among the codes given (retired ones too); an unknown code is absent. */
  reasons: ReasonRule[];
  /** The order's channel and the active warehouses: where the parcel goes (chooseWarehouse). */
  channelCode: string;
  warehouses: WarehouseCandidate[];
}

/**
 * Everything a submission reads after locking the order, in one statement: the idempotency
 * check, the policy in force, the customer's recent requests (counted and, for routing over
 * splits, each open or refunded one with its value), and per wanted line its order
 * line, category, the refunds other requests hold on it, and whether the exchange variant is
 * available, and the rows of the reasons given. Each part is a subquery that the per-line loop
 * used to send on its own.
 *
 * The history window is the policy's `historyWindowDays`, or `defaultWindowDays` for a version
 * stored before that field existed (as policy-store's withDefaults reads it).
 */
export async function submissionContext(
  sql: TxSql,
  q: {
    orderId: string;
    customerId: string;
    idempotencyKey: string;
    wanted: { orderLineId: string; exchangeSkuId: string | null }[];
    /** The reason codes the lines give. */
    reasonCodes: readonly string[];
    now: Date;
    defaultWindowDays: number;
    /** Statuses whose requests no longer hold their items (their refunds are not held either). */
    releasedStatuses: readonly ReturnStatus[];
  },
): Promise<SubmissionContext> {
  const wanted = jsonText(q.wanted.map((w) => ({ order_line_id: w.orderLineId, exchange_sku_id: w.exchangeSkuId })));
  const [row] = await sql<
    {
      existing: SubmissionContext["existing"];
      policy_id: string | null;
      prior_returns: number;
      counted: CountedRequest[];
      lines: ContextLine[];
      reasons: ReasonRule[];
      channel_code: string;
      warehouses: (Omit<WarehouseCandidate, "createdAt"> & { createdAt: string })[];
    }[]
  >`
    WITH policy AS (
      SELECT id, coalesce((policy->>'historyWindowDays')::int, ${q.defaultWindowDays}::int) AS window_days
      FROM approval_policies ORDER BY version DESC LIMIT 1
    ), wanted AS (
      SELECT * FROM jsonb_to_recordset(${wanted}::jsonb) AS w(order_line_id uuid, exchange_sku_id uuid)
    )
    SELECT
      (SELECT json_build_object('id', r.id, 'rmaNo', r.rma_no, 'status', r.status)
         FROM return_requests r
         WHERE r.customer_id = ${q.customerId} AND r.idempotency_key = ${q.idempotencyKey}) AS existing,
      (SELECT id FROM policy) AS policy_id,
      (SELECT count(*)::int
         FROM return_requests r, policy p
         WHERE r.customer_id = ${q.customerId}
           AND r.created_at >= ${ts(q.now)}::timestamptz - p.window_days * interval '24 hours'
           AND r.created_at < ${ts(q.now)}::timestamptz) AS prior_returns,
      (SELECT coalesce(json_agg(json_build_object('amountFen', h.amount_fen, 'categories', h.categories)), '[]'::json) FROM (
         SELECT
           (SELECT coalesce(sum(CASE WHEN r.type = 'exchange' THEN ol.paid_fen::bigint * rl.quantity / ol.quantity ELSE rl.refund_fen END), 0)::int
              FROM return_lines rl JOIN order_lines ol ON ol.id = rl.order_line_id
              WHERE rl.request_id = r.id) AS amount_fen,
           (SELECT coalesce(json_agg(json_build_object('code', c.code, 'highValue', c.high_value)), '[]'::json)
              FROM categories c WHERE c.id = ANY(r.category_ids)) AS categories
         FROM return_requests r, policy p
         WHERE r.customer_id = ${q.customerId}
           AND r.status::text <> ALL(${q.releasedStatuses as string[]}::text[])
           AND (r.order_id = ${q.orderId} OR r.created_at >= ${ts(q.now)}::timestamptz - p.window_days * interval '24 hours')
       ) h) AS counted,
      (SELECT coalesce(json_agg(l), '[]'::json) FROM (
         SELECT ol.id, ol.sku_id AS "skuId", ol.title, ol.quantity, ol.paid_fen AS "paidFen", ol.claimed_quantity AS "claimedQuantity",
                c.id AS "categoryId", c.code AS "categoryCode", c.high_value AS "highValue", c.returnable, c.return_window_days AS "returnWindowDays",
                (SELECT coalesce(sum(rl.refund_fen), 0)::int
                   FROM return_lines rl JOIN return_requests rr ON rr.id = rl.request_id
                   WHERE rl.order_line_id = ol.id AND rr.status::text <> ALL(${q.releasedStatuses as string[]}::text[])) AS "heldFen",
                v.id IS NOT NULL AS "variantInStock"
         FROM wanted w
         JOIN order_lines ol ON ol.id = w.order_line_id AND ol.order_id = ${q.orderId}
         JOIN skus s ON s.id = ol.sku_id
         JOIN products p ON p.id = s.product_id
         JOIN categories c ON c.id = p.category_id
         LEFT JOIN skus v ON v.id = w.exchange_sku_id AND v.product_id = s.product_id AND v.stock - v.reserved >= 1
       ) l) AS lines,
      (SELECT coalesce(json_agg(json_build_object('code', rr.code, 'photoRequired', rr.photo_required, 'retired', rr.retired_at IS NOT NULL,
                                                  'nameZh', rr.name_zh, 'nameEn', rr.name_en)), '[]'::json)
         FROM return_reasons rr
         WHERE rr.kind = 'customer' AND rr.code = ANY(${q.reasonCodes as string[]}::text[])) AS reasons,
      (SELECT ch.code FROM orders o JOIN channels ch ON ch.id = o.channel_id WHERE o.id = ${q.orderId}) AS channel_code,
      (SELECT coalesce(json_agg(json_build_object('id', w.id, 'isDefault', w.is_default, 'active', w.active, 'channelCodes', w.channel_codes,
                                                  'categoryIds', w.category_ids, 'createdAt', w.created_at)), '[]'::json)
         FROM warehouses w WHERE w.active) AS warehouses`;
  if (!row) throw new Error("submission context returned no row");
  return {
    existing: row.existing,
    policyId: row.policy_id,
    priorReturns: row.prior_returns,
    counted: row.counted,
    lines: row.lines,
    reasons: row.reasons,
    channelCode: row.channel_code,
    warehouses: row.warehouses.map((w) => ({ ...w, createdAt: new Date(w.createdAt) })),
  };
}

/**
 * Locks the customer's own draft photos among `photoIds` (unattached ones) and returns their
 * ids: exactly the photos insertSubmission will attach, since no other submission can take
 * them while this transaction holds them.
 */
export async function lockDraftPhotos(sql: TxSql, customerId: string, photoIds: readonly string[]): Promise<string[]> {
  if (photoIds.length === 0) return [];
  const rows = await sql<{ id: string }[]>`
    SELECT id FROM evidence_photos
    WHERE id = ANY(${photoIds as string[]}::uuid[]) AND customer_id = ${customerId} AND request_id IS NULL
    FOR UPDATE`;
  return rows.map((r) => r.id);
}

export interface NewSubmission {
  id: string;
  rmaNo: string;
  orderId: string;
  customerId: string;
  type: ReturnType;
  status: ReturnStatus;
  route: Route;
  policyId: string;
  requestedRefundFen: number;
  deadlineAt: Date | null;
  /** The distinct categories of the lines (return_requests.category_ids, the queue's category filter). */
  categoryIds: string[];
  /** Where the parcel goes (chooseWarehouse); null only without any warehouse, when the column's default decides. */
  warehouseId: string | null;
  idempotencyKey: string;
  now: Date;
  lines: { orderLineId: string; quantity: number; refundFen: number; reasonCode: ReasonCode; note: string | null; exchangeSkuId: string | null }[];
  /** From lockDraftPhotos. */
  photoIds: string[];
  /** The request's first event (seq 1, chained to the genesis hash). */
  event: ChainedEvent;
  /** The H5's language at submission: the customer's notifications are sent in it (customers.locale). */
  locale?: "zh-CN" | "en";
}

/**
 * Writes a submission in one statement: the request (with its first event's seq and hash, see
 * return_requests.last_event_seq), its lines, the claimed units on the order lines, the photos,
 * and the submit event. The CHECKs (claims within quantity, amounts) and foreign keys are
 * checked as for separate statements; any failure aborts the whole submission.
 */
export async function insertSubmission(sql: TxSql, s: NewSubmission): Promise<void> {
  const lines = jsonText(
    s.lines.map((l) => ({
      order_line_id: l.orderLineId,
      quantity: l.quantity,
      refund_fen: l.refundFen,
      reason_code: l.reasonCode,
      note: l.note,
      exchange_sku_id: l.exchangeSkuId,
    })),
  );
  const e = s.event;
  await sql`
    WITH request AS (
      INSERT INTO return_requests (id, rma_no, order_id, customer_id, type, status, route, policy_id, requested_refund_fen,
                                   deadline_at, category_ids, warehouse_id, idempotency_key, created_at, updated_at, last_event_seq, last_event_hash)
      VALUES (${s.id}, ${s.rmaNo}, ${s.orderId}, ${s.customerId}, ${s.type}, ${s.status}, ${jsonText(s.route)}::jsonb, ${s.policyId},
              ${s.requestedRefundFen}, ${tsOrNull(s.deadlineAt)}::timestamptz, ${s.categoryIds}::uuid[],
              coalesce(${s.warehouseId}::uuid, default_warehouse_id()), ${s.idempotencyKey}, ${ts(s.now)}::timestamptz,
              ${ts(s.now)}::timestamptz, ${e.seq}, ${e.hash})
      RETURNING id
    ), line AS (
      SELECT * FROM jsonb_to_recordset(${lines}::jsonb)
        AS l(order_line_id uuid, quantity int, refund_fen int, reason_code text, note text, exchange_sku_id uuid)
    ), new_lines AS (
      INSERT INTO return_lines (request_id, order_line_id, quantity, refund_fen, reason_code, note, exchange_sku_id)
      SELECT request.id, line.order_line_id, line.quantity, line.refund_fen, line.reason_code, line.note, line.exchange_sku_id
      FROM request, line
    ), claims AS (
      -- order_id (every line is of the locked order) lets the planner find the rows by index:
      -- it cannot know how few lines the JSON holds and would otherwise scan order_lines.
      UPDATE order_lines ol SET claimed_quantity = ol.claimed_quantity + line.quantity
      FROM line WHERE ol.order_id = ${s.orderId} AND ol.id = line.order_line_id
    ), photos AS (
      UPDATE evidence_photos SET request_id = (SELECT id FROM request)
      WHERE id = ANY(${s.photoIds}::uuid[]) AND customer_id = ${s.customerId} AND request_id IS NULL
    ), customer_locale AS (
      UPDATE customers SET locale = ${s.locale ?? null}::text
      WHERE id = ${s.customerId} AND ${s.locale ?? null}::text IS NOT NULL AND locale IS DISTINCT FROM ${s.locale ?? null}::text
    )
    INSERT INTO return_events (${sql.unsafe(EVENT_COLUMNS)})
    SELECT request.id, ${eventValues(sql, e)}
    FROM request`;
  // The submission's notifications (the customer's SMS, new work, webhooks), queued in its transaction (ADR 032).
  await queueEventNotifications(sql, { requestId: s.id, seq: e.seq });
}
