import type { Db } from "../../../db/client";
import type { GatewayAnswerRecord } from "../../../db/schema/refunds";
import { AppError } from "../../domain/errors";
import { mayReadRequest } from "../../domain/read-access";
import { availableActions } from "../../domain/state-machine";
import type { PaymentMethod, RefundChannel, RefundKind, RefundStatus, ReturnStatus, StaffRole } from "../../domain/vocabulary";
import { coreOf } from "../request-view/queries";
import { receiptsOf } from "./receipts";

/** How long a refund may be on its way before finance is told to look (the queue's "needs attention"). */
export const STUCK_AFTER_MINUTES = 30;

export interface PanelRefund {
  id: string;
  outRefundNo: string;
  kind: RefundKind;
  channel: RefundChannel;
  amountFen: number;
  status: RefundStatus;
  attempts: number;
  lastAnswer: GatewayAnswerRecord | null;
  gatewayRefundId: string | null;
  failureReason: string | null;
  offlineReference: string | null;
  offlineMethod: string | null;
  replacesRefundId: string | null;
  replacedById: string | null;
  createdAt: Date;
  updatedAt: Date;
  succeededAt: Date | null;
  receiptIds: string[];
  /** Pending or processing for longer than STUCK_AFTER_MINUTES. */
  stuck: boolean;
}

/**
 * What finance needs to pay a request back and to see where the money is: the computed amount per
 * line, the deductions decided on the way (operations' partial acceptance, finance's lowered
 * amounts, each with its reason), the total, every refund record of the request, and which of
 * finance's actions are open. The store manager reads it too (no actions).
 */
export async function refundPanel(db: Db, requestId: string, viewer: { id: string; role: StaffRole }, hasGatewayFor: (m: PaymentMethod) => boolean, now = new Date()) {
  const core = await coreOf(db, requestId);
  if (!core || !mayReadRequest(viewer.role, core)) throw new AppError("not_found");
  const sql = db.$client;
  const [lines, deductions, records, [order]] = await Promise.all([
    sql<{ id: string; title: string; quantity: number; refundFen: number }[]>`
      SELECT l.id, ol.title, l.quantity, l.refund_fen AS "refundFen"
      FROM return_lines l JOIN order_lines ol ON ol.id = l.order_line_id
      WHERE l.request_id = ${requestId} ORDER BY ol.title, l.id`,
    sql<{ seq: number; action: string; changes: Record<string, unknown>; comment: string | null; actorName: string | null; createdAt: Date }[]>`
      SELECT e.seq, e.action, e.changes, e.comment, s.name AS "actorName", e.created_at AS "createdAt"
      FROM return_events e LEFT JOIN staff_users s ON e.actor_type = 'staff' AND s.id::text = e.actor_id
      WHERE e.request_id = ${requestId} AND e.action IN ('accept_partial', 'lower_refund') ORDER BY e.seq`,
    sql<Omit<PanelRefund, "receiptIds" | "stuck" | "replacedById">[]>`
      SELECT id, out_refund_no AS "outRefundNo", kind, channel, amount_fen AS "amountFen", status, attempts, last_answer AS "lastAnswer",
             gateway_refund_id AS "gatewayRefundId", failure_reason AS "failureReason", offline_reference AS "offlineReference",
             offline_method AS "offlineMethod", replaces_refund_id AS "replacesRefundId", created_at AS "createdAt",
             updated_at AS "updatedAt", succeeded_at AS "succeededAt"
      FROM refunds WHERE request_id = ${requestId} ORDER BY created_at, id`,
    sql<{ paymentMethod: PaymentMethod; totalPaidFen: number; refundedFen: number }[]>`
      SELECT payment_method AS "paymentMethod", total_paid_fen AS "totalPaidFen", refunded_fen AS "refundedFen" FROM orders WHERE id = ${core.orderId}`,
  ]);
  const receipts = await receiptsOf(db, records.map((r) => r.id));
  const replacedBy = new Map(records.filter((r) => r.replacesRefundId).map((r) => [r.replacesRefundId!, r.id]));
  const refunds: PanelRefund[] = records.map((r) => ({
    ...r,
    receiptIds: receipts.get(r.id) ?? [],
    replacedById: replacedBy.get(r.id) ?? null,
    stuck: (r.status === "pending" || r.status === "processing") && now.getTime() - new Date(r.updatedAt).getTime() > STUCK_AFTER_MINUTES * 60_000,
  }));

  const totalFen = core.approvedRefundFen ?? core.requestedRefundFen;
  const goods = refunds.filter((r) => r.kind === "goods");
  const paidFen = goods.filter((r) => r.status === "succeeded").reduce((a, r) => a + r.amountFen, 0);
  const onItsWay = goods.some((r) => r.status === "pending" || r.status === "processing");
  const latest = goods.at(-1) ?? null;
  const allowed = viewer.role === "finance" ? availableActions({ ...core, infoReturnStatus: core.infoReturnStatus ?? null }, viewer.role, viewer.id) : [];
  const hasGateway = order ? hasGatewayFor(order.paymentMethod) : false;
  const settleable = latest !== null && ["failed", "closed", "abnormal"].includes(latest.status);

  return {
    requestId,
    version: core.version,
    status: core.status as ReturnStatus,
    paymentMethod: order?.paymentMethod ?? null,
    hasGateway,
    lines,
    deductions: deductions.map((d) => ({
      seq: d.seq,
      action: d.action as "accept_partial" | "lower_refund",
      deductionFen:
        d.action === "accept_partial"
          ? Number(d.changes.deductionFen ?? 0)
          : Number(d.changes.previousRefundFen ?? 0) - Number(d.changes.approvedRefundFen ?? 0),
      amountAfterFen: Number(d.changes.approvedRefundFen ?? 0),
      comment: d.comment,
      actorName: d.actorName,
      createdAt: d.createdAt,
    })),
    computedFen: core.requestedRefundFen,
    totalFen,
    paidFen,
    toPayFen: Math.max(0, totalFen - paidFen),
    refunds,
    actions: {
      lower: allowed.includes("lower_refund") && paidFen === 0 && !onItsWay && totalFen > 1,
      retryRefundId:
        allowed.includes("retry_refund") && latest && (latest.status === "failed" || latest.status === "closed") && latest.channel !== "offline" && !onItsWay
          ? latest.id
          : null,
      recordOffline: allowed.includes("record_offline_refund") && !onItsWay && totalFen - paidFen > 0 && (latest ? settleable : !hasGateway),
    },
  };
}

export type RefundPanelView = Awaited<ReturnType<typeof refundPanel>>;
