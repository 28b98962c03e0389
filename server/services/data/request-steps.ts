/**
 * The statements of one step on a request (actOnRequest), hand-written because every decision
 * runs them: BEGIN, lockRequest, the step's own statement if it has one, recordStep, COMMIT.
 * Drizzle's versions cost more Node CPU to build than they cost PostgreSQL to run, and the
 * step needed three more round trips (the lines, the last event, the event insert).
 */
import type { TxSql } from "../../../db/client";
import type { ChainedEvent } from "../../domain/history";
import type { Route } from "../../domain/route";
import type { ItemCondition, RejectionCode, ReturnStatus, ReturnType } from "../../domain/vocabulary";
import { queueEventNotifications } from "../../notifications/queue";
import { EVENT_COLUMNS, eventValues } from "./events";
import { jsonText, toDateOrNull, ts, tsOrNull } from "./values";

export interface LockedRequest {
  id: string;
  customerId: string;
  orderId: string;
  rmaNo: string;
  type: ReturnType;
  status: ReturnStatus;
  route: Route;
  policyId: string;
  requestedRefundFen: number;
  approvedRefundFen: number | null;
  infoReturnStatus: ReturnStatus | null;
  appealUsed: boolean;
  goodsReceived: boolean;
  refundApprovedBy: string | null;
  rejectionCode: RejectionCode | null;
  returnCarrier: string | null;
  returnTrackingNo: string | null;
  deadlineAt: Date | null;
  /** The staff user who claimed it; cleared by any step that changes the status. */
  holderId: string | null;
  version: number;
  /** The newest history event, which the step's event chains onto. */
  lastEventSeq: number;
  lastEventHash: string;
}

/**
 * The request, locked for the rest of the transaction. `customerId` scopes it to that
 * customer's own requests (anyone else's reads as absent). The row returned is the newest
 * version, as locked, so its version and last event are the ones this step builds on.
 */
export async function lockRequest(sql: TxSql, requestId: string, customerId: string | null): Promise<LockedRequest | undefined> {
  const [row] = await sql<
    (Omit<LockedRequest, "deadlineAt"> & { deadlineAt: string | null })[]
  >`
    SELECT id, customer_id AS "customerId", order_id AS "orderId", rma_no AS "rmaNo", type, status, route, policy_id AS "policyId",
           requested_refund_fen AS "requestedRefundFen", approved_refund_fen AS "approvedRefundFen",
           info_return_status AS "infoReturnStatus", appeal_used AS "appealUsed", goods_received AS "goodsReceived",
           refund_approved_by AS "refundApprovedBy", rejection_code AS "rejectionCode", return_carrier AS "returnCarrier",
           return_tracking_no AS "returnTrackingNo", deadline_at AS "deadlineAt", holder_id AS "holderId", version,
           last_event_seq AS "lastEventSeq", last_event_hash AS "lastEventHash"
    FROM return_requests
    WHERE id = ${requestId} ${customerId === null ? sql`` : sql`AND customer_id = ${customerId}`}
    FOR UPDATE`;
  return row && { ...row, deadlineAt: toDateOrNull(row.deadlineAt) };
}

/** The request row's fields a step may change (besides status, version, timestamps and the last event). */
export type StepFields = Pick<
  LockedRequest,
  | "status"
  | "approvedRefundFen"
  | "infoReturnStatus"
  | "appealUsed"
  | "goodsReceived"
  | "refundApprovedBy"
  | "rejectionCode"
  | "returnCarrier"
  | "returnTrackingNo"
  | "deadlineAt"
  | "holderId"
>;

/**
 * Writes a step in one statement: the request row (every changeable field, unchanged ones with
 * their current value, so it is always the same prepared statement; the new version; the new
 * last event) and the event itself. The WHERE repeats the version and last event seq the caller
 * locked; under the lock it always matches, and if it ever did not, nothing would be written.
 */
export async function recordStep(
  sql: TxSql,
  step: { requestId: string; fromVersion: number; next: StepFields; now: Date; event: ChainedEvent },
): Promise<void> {
  const { next: n, event: e } = step;
  const written = await sql`
    WITH updated AS (
      UPDATE return_requests SET
        status = ${n.status}, version = ${step.fromVersion + 1}, updated_at = ${ts(step.now)}::timestamptz,
        deadline_at = ${tsOrNull(n.deadlineAt)}::timestamptz, approved_refund_fen = ${n.approvedRefundFen},
        info_return_status = ${n.infoReturnStatus}, appeal_used = ${n.appealUsed}, goods_received = ${n.goodsReceived},
        refund_approved_by = ${n.refundApprovedBy}, rejection_code = ${n.rejectionCode},
        return_carrier = ${n.returnCarrier}, return_tracking_no = ${n.returnTrackingNo},
        holder_id = ${n.holderId}, held_at = CASE WHEN ${n.holderId}::uuid IS NULL THEN NULL ELSE held_at END,
        last_event_seq = ${e.seq}, last_event_hash = ${e.hash}
      WHERE id = ${step.requestId} AND version = ${step.fromVersion} AND last_event_seq = ${e.seq - 1}
      RETURNING id
    )
    INSERT INTO return_events (${sql.unsafe(EVENT_COLUMNS)})
    SELECT updated.id, ${eventValues(sql, e)}
    FROM updated`;
  if (written.count !== 1) throw new Error(`request ${step.requestId} changed while locked`);
  // The event's notifications, queued in its transaction: sent if and only if it commits (ADR 032).
  await queueEventNotifications(sql, { requestId: step.requestId, seq: e.seq });
}

/**
 * Records what the warehouse found (`received` may name lines of this request only; others are
 * ignored) and returns all the request's lines. The lines read are as before the update, which
 * is fine: id and quantity never change.
 */
export async function inspectLines(
  sql: TxSql,
  requestId: string,
  received: { returnLineId: string; receivedQuantity: number; condition: ItemCondition }[],
): Promise<{ id: string; quantity: number }[]> {
  const found = jsonText(received.map((l) => ({ return_line_id: l.returnLineId, received_quantity: l.receivedQuantity, condition: l.condition })));
  return sql<{ id: string; quantity: number }[]>`
    WITH inspected AS (
      UPDATE return_lines rl SET received_quantity = i.received_quantity, condition = i.condition
      FROM jsonb_to_recordset(${found}::jsonb) AS i(return_line_id uuid, received_quantity int, condition item_condition)
      WHERE rl.id = i.return_line_id AND rl.request_id = ${requestId}
    )
    SELECT id, quantity FROM return_lines WHERE request_id = ${requestId}`;
}

/**
 * Gives a request's units back to their order lines (direction -1) or takes them again (+1),
 * all lines in one statement. The CHECK on order_lines refuses a claim past the quantity.
 */
export async function moveClaims(sql: TxSql, requestId: string, direction: 1 | -1): Promise<void> {
  await sql`
    UPDATE order_lines ol SET claimed_quantity = ol.claimed_quantity + ${direction}::int * rl.quantity
    FROM return_lines rl
    WHERE rl.request_id = ${requestId} AND ol.id = rl.order_line_id`;
}
