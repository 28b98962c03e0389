import type { DbOrTx } from "../../../db/client";
import { AppError } from "../../domain/errors";
import { mayReadRequest, READ_ACCESS, sectionsFor } from "../../domain/read-access";
import { availableActions } from "../../domain/state-machine";
import type { StaffRole } from "../../domain/vocabulary";
import { assessRequests, customerOrders } from "../customer-history";
import { maskPhone } from "../mask-phone";
import { REFUND_PANEL_ACTIONS } from "../refunds/refund-panel";
import { reasonNames } from "../reasons";
import { coreOf, customerOf, orderLinesOf, orderOf, photosOf, refundOf, requestedLinesOf, staffNameOf, timelineOf } from "./queries";
import { currentStage, stageProgress } from "./stage-progress";
import { replacementState } from "../exchange/replacement-availability";

export interface StaffViewer {
  id: string;
  role: StaffRole;
}

/**
 * One request as a staff role may see it (server/domain/read-access.ts): sections the role may
 * not read are null and their queries never run. A request outside the role's reach (the
 * warehouse and a request with no goods) is "not found", the same answer as a wrong id.
 */
export async function requestForStaff(db: DbOrTx, requestId: string, viewer: StaffViewer) {
  const core = await coreOf(db, requestId);
  if (!core || !mayReadRequest(viewer.role, core)) throw new AppError("not_found");
  const may = sectionsFor(viewer.role);
  const needsOrder = may.has("order") || may.has("payment_summary") || may.has("payment_details");

  const [timeline, order, orderLines, lines, photos, refund, assessment, orders, customer, firstApprover, holderName] = await Promise.all([
    timelineOf(db, requestId),
    needsOrder ? orderOf(db, core.orderId) : null,
    may.has("order") ? orderLinesOf(db, core.orderId) : null,
    may.has("lines") ? requestedLinesOf(db, requestId) : null,
    may.has("photos") ? photosOf(db, requestId) : null,
    may.has("payment_details") ? refundOf(db, requestId) : null,
    may.has("history") ? assessRequests(db, [requestId]).then((m) => m.get(requestId) ?? null) : null,
    may.has("history") ? customerOrders(db, core.customerId) : null,
    may.has("contact") ? customerOf(db, core.customerId) : null,
    core.refundApprovedBy ? staffNameOf(db, core.refundApprovedBy) : null,
    core.holderId ? staffNameOf(db, core.holderId) : null,
  ]);
  // An exchange's replacement: which lines are short of stock, and who may convert it then (decision 030).
  const replacement = await replacementState(db, core);

  // Reasons are rows (retired ones keep their words): name them for the lines, the rejection and the timeline.
  const rejectionCodes = [core.rejectionCode, ...timeline.filter((e) => e.action === "reject").map((e) => e.reasonCode)].filter((c): c is string => !!c);
  const [lineReasons, rejectionReasons] = await Promise.all([
    reasonNames(db, "customer", lines?.map((l) => l.reasonCode) ?? []),
    reasonNames(db, "rejection", rejectionCodes),
  ]);

  const showAmounts = may.has("amounts");
  return {
    sections: READ_ACCESS[viewer.role].sections,
    revealable: READ_ACCESS[viewer.role].reveal,
    request: {
      id: core.id,
      rmaNo: core.rmaNo,
      type: core.type,
      status: core.status,
      version: core.version,
      requestedRefundFen: showAmounts ? core.requestedRefundFen : null,
      approvedRefundFen: showAmounts ? core.approvedRefundFen : null,
      rejectionCode: core.rejectionCode,
      rejectionName: core.rejectionCode ? (rejectionReasons.get(core.rejectionCode) ?? null) : null,
      appealUsed: core.appealUsed,
      goodsReceived: core.goodsReceived,
      returnCarrier: core.returnCarrier,
      returnTrackingNo: core.returnTrackingNo,
      replacementCarrier: core.replacementCarrier,
      replacementTrackingNo: core.replacementTrackingNo,
      /** As decided at submission (stages and the policy rules that added them) and the policy version's id. */
      route: core.route,
      policyId: core.policyId,
      createdAt: core.createdAt,
      updatedAt: core.updatedAt,
      /** Who has claimed the request (others' decisions are refused while it is held). */
      holder: core.holderId ? { id: core.holderId, name: holderName, heldAt: core.heldAt, isMe: core.holderId === viewer.id } : null,
      /** The first of two finance signatures, so the second signer sees who gave it. */
      refundApprovedBy: firstApprover,
    },
    deadline: core.deadlineAt ? { at: core.deadlineAt, stage: currentStage(core.status, core.infoReturnStatus) } : null,
    stages: stageProgress(core, timeline),
    timeline: timeline.map((e) => ({
      ...e,
      actorName: e.actorType === "staff" ? e.actorName : null,
      reasonName: e.action === "reject" && e.reasonCode ? (rejectionReasons.get(e.reasonCode) ?? null) : null,
    })),
    // The refund records' own actions are the refund panel's (server/services/refunds/refund-panel.ts).
    allowedActions: availableActions(
      { ...core, infoReturnStatus: core.infoReturnStatus ?? null, ...(replacement && { replacementShort: replacement.replacementShort, exchangeOutOfStock: replacement.exchangeOutOfStock }) },
      viewer.role,
      viewer.id,
    ).filter((a) => !REFUND_PANEL_ACTIONS.includes(a)),
    /** Exchange only: per line, the replacement's free units and whether it is reserved or short. */
    replacementStock: replacement && { decider: replacement.exchangeOutOfStock, lines: replacement.lines },
    customer: customer ? { name: customer.name, phone: maskPhone(customer.phone) } : null,
    order:
      order && may.has("order")
        ? { orderNo: order.orderNo, channel: order.channel, status: order.status, paidAt: order.paidAt, deliveredAt: order.deliveredAt, createdAt: order.createdAt, lines: orderLines ?? [] }
        : null,
    payment: order && may.has("payment_summary") ? { method: order.paymentMethod, totalPaidFen: order.totalPaidFen, refundedFen: order.refundedFen } : null,
    paymentDetails: order && may.has("payment_details") ? { method: order.paymentMethod, gatewayTxnId: order.gatewayTxnId, refund } : null,
    lines: lines?.map(({ paidFen, refundFen, ...l }) => ({
        ...l,
        reasonName: lineReasons.get(l.reasonCode) ?? null,
        paidFen: showAmounts ? paidFen : null,
        refundFen: showAmounts ? refundFen : null,
      })) ?? null,
    photos,
    history: assessment && orders ? { facts: assessment.facts, signals: assessment.signals, earlierRequests: assessment.earlierRequests, orders } : null,
  };
}

export type StaffRequestView = Awaited<ReturnType<typeof requestForStaff>>;
