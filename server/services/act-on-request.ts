import { sqlOf, type Db, type Tx } from "../../db/client";
import { AppError } from "../domain/errors";
import { chain } from "../domain/history";
import { clampPartialRefund } from "../domain/money";
import { acceptableConditions, nextDeadline } from "../domain/policy";
import { compareReceipt } from "../domain/receipt";
import { holdsItems } from "../domain/route";
import { transition, type RequestState } from "../domain/state-machine";
import type { Action, ActorRole, ItemCondition, RejectionCode } from "../domain/vocabulary";
import { attachPhotos } from "./attach-photos";
import { replacementFacts, settleReplacement } from "./exchange/replacement-step";
import type { GatewayRegistry } from "../payments/registry";
import type { JobSender } from "../jobs/boss";
import { startRefund } from "./refunds/start-refund";
import { inspectLines, lockRequest, moveClaims, recordStep, type LockedRequest, type StepFields } from "./data/request-steps";
import { scheduleDeadline, startsDeadline } from "./deadlines/schedule";
import { withDbErrors } from "./pg-errors";
import { policyById } from "./policy-store";
import { isActiveRejectionReason } from "./reasons";

export interface Actor {
  type: "customer" | "staff" | "system";
  /** Customer id, staff user id, or "system". */
  id: string;
  role: ActorRole;
}

export interface ActInput {
  requestId: string;
  /** The version the actor saw. A different current version means someone acted first: conflict. */
  expectedVersion?: number;
  action: Action;
  comment?: string | null;
  rejectionCode?: RejectionCode | null;
  shipment?: { carrier: string; trackingNo: string };
  inspection?: { lines: { returnLineId: string; receivedQuantity: number; condition: ItemCondition }[] };
  /** For `receive`: the receiving service's verdict over all parcels (server/domain/receipt.ts); unset, the lines above are compared. */
  receiptMatches?: boolean;
  deductionFen?: number;
  gatewayRefundId?: string;
  failureReason?: string;
  /** For the system's refund_* steps: the refund record the gateway answered about, and its final status. */
  refund?: { id: string; status: string; amountFen: number };
  /** For `refund`: the configured gateways and the job queue the gateway call is queued on. */
  refunding?: { gateways: GatewayRegistry; jobs: JobSender };
  /** Photos the customer uploaded with an answer (provide_info / appeal); only their own, unattached ones. */
  photoIds?: string[];
  /** A further check on the locked request before the step (bulk approval's eligibility); throw an AppError to refuse. */
  precondition?: (req: LockedRequest, tx: Tx) => Promise<void>;
  /**
   * The step's own writes, once the state machine allowed it (finance's refund actions,
   * server/services/refunds): what the event records, a new approved amount, the refund started.
   */
  effect?: (req: LockedRequest, tx: Tx) => Promise<StepEffect>;
}

export interface StepEffect {
  changes: Record<string, unknown>;
  approvedRefundFen?: number;
  refundId?: string;
  /** The request's return carrier / tracking number after the step (a parcel that brings one the request lacked: server/services/receiving). */
  shipment?: Partial<Pick<StepFields, "returnCarrier" | "returnTrackingNo">>;
}

export interface ActResult {
  id: string;
  status: string;
  version: number;
  /** Set when the action started a refund (its gateway call is queued with it). */
  refundId?: string;
}

/**
 * Applies one action to one request: lock, check version and state machine, write the change
 * and its history event, all in one transaction. Customers can only reach their own requests.
 */
export async function actOnRequest(db: Db, actor: Actor, input: ActInput, now = new Date()): Promise<ActResult> {
  return withDbErrors(() => db.transaction((tx) => applyStep(tx, actor, input, now)));
}

/** actOnRequest inside the caller's transaction (the refund recording runs it with its own statements). */
export async function applyStep(tx: Tx, actor: Actor, input: ActInput, now: Date): Promise<ActResult> {
  const sql = sqlOf(tx);
  const req = await lockRequest(sql, input.requestId, actor.type === "customer" ? actor.id : null);
  if (!req) throw new AppError("not_found");
  if (input.expectedVersion !== undefined && input.expectedVersion !== req.version) throw new AppError("version_conflict");
  if (input.precondition) await input.precondition(req, tx);

  let inspectionMatches: boolean | undefined;
  if (input.action === "receive") {
    // The inspection is written before the state machine has its say; a refusal rolls it back.
    // A line named twice counts with its last entry.
    const found = [...new Map((input.inspection?.lines ?? []).map((l) => [l.returnLineId, l])).values()];
    const declared = await inspectLines(sql, req.id, found);
    inspectionMatches = input.receiptMatches ?? (await inspect(tx, req.policyId, declared, found));
  }
  const state: RequestState = { ...req, ...(await replacementFacts(tx, req, input.action)) };
  const t = transition(state, { action: input.action, role: actor.role, actorId: actor.id, inspectionMatches });

  // What the event records, and the request's fields after the step.
  const changes: Record<string, unknown> = { ...t.changes };
  const next: Omit<StepFields, "deadlineAt"> = { ...req, ...t.changes, status: t.to };
  // A hold is work in hand at one status: when the request moves on, nobody holds it any more.
  if (req.holderId && t.to !== t.from) next.holderId = changes.holderId = null;
  let refundId: string | undefined;

  switch (input.action) {
    case "reject":
      if (!input.rejectionCode) throw new AppError("missing_field", { field: "rejectionCode" });
      // Rejection reasons are rows the store manager retires; a retired or unknown one is refused in place.
      if (!(await isActiveRejectionReason(tx, input.rejectionCode))) throw new AppError("reason_unavailable", { field: "rejectionCode" });
      next.rejectionCode = changes.rejectionCode = input.rejectionCode;
      break;
    case "ship":
      if (!input.shipment) throw new AppError("missing_field", { field: "shipment" });
      next.returnCarrier = changes.returnCarrier = input.shipment.carrier;
      next.returnTrackingNo = changes.returnTrackingNo = input.shipment.trackingNo;
      break;
    case "receive":
      changes.inspection = input.inspection?.lines ?? [];
      changes.inspectionMatches = inspectionMatches;
      break;
    case "accept_full":
      next.approvedRefundFen = changes.approvedRefundFen = req.requestedRefundFen;
      break;
    case "accept_partial": {
      const deduction = input.deductionFen ?? 0;
      if (deduction <= 0 || deduction >= req.requestedRefundFen) throw new AppError("refund_exceeds_paid");
      next.approvedRefundFen = changes.approvedRefundFen = clampPartialRefund(req.requestedRefundFen, deduction);
      changes.deductionFen = deduction;
      break;
    }
    case "refund": {
      // The record, its reservation and its queued gateway call: one decision (services/refunds/start-refund.ts).
      if (!input.refunding) throw new Error("the refund step needs the gateways and the job queue");
      const started = await startRefund(sql, req, { ...input.refunding, createdBy: actor.type === "staff" ? actor.id : null, now });
      refundId = started.refundId;
      Object.assign(changes, started.changes);
      break;
    }
    case "refund_succeeded":
    case "refund_failed":
    case "refund_abnormal":
      // The refund row was changed by the caller (services/refunds/record-answer.ts) in this transaction.
      if (!input.refund) throw new Error(`${input.action} needs the refund it is about`);
      changes.refundId = input.refund.id;
      changes.refundStatus = input.refund.status;
      changes.amountFen = input.refund.amountFen;
      if (input.gatewayRefundId) changes.gatewayRefundId = input.gatewayRefundId;
      if (input.failureReason) changes.failureReason = input.failureReason;
      break;
  }

  if (input.effect) {
    const effect = await input.effect(req, tx);
    Object.assign(changes, effect.changes);
    if (effect.approvedRefundFen !== undefined) next.approvedRefundFen = effect.approvedRefundFen;
    if (effect.refundId) refundId = effect.refundId;
    if (effect.shipment) Object.assign(next, effect.shipment);
  }

  if (input.photoIds?.length) changes.photos = await attachPhotos(tx, req.customerId, req.id, input.photoIds);

  // Items go back to the order when a request stops holding them, and are taken again on appeal.
  const direction = Number(holdsItems(t.to)) - Number(holdsItems(t.from));
  if (direction !== 0) await moveClaims(sql, req.id, direction > 0 ? 1 : -1);
  // An exchange's replacement units: reserved, released or taken with the step (decision 030).
  Object.assign(changes, await settleReplacement(tx, req, { action: input.action, transition: t, staffId: actor.type === "staff" ? actor.id : null, shipment: input.shipment, now }));

  const policy = await policyById(tx, req.policyId);
  const event = chain(
    {
      requestId: req.id,
      seq: req.lastEventSeq + 1,
      actorType: actor.type,
      actorId: actor.type === "system" ? null : actor.id,
      role: actor.role,
      action: input.action,
      fromStatus: t.from,
      toStatus: t.to,
      reasonCode: input.rejectionCode ?? null,
      comment: input.comment ?? null,
      changes,
      createdAt: now,
    },
    req.lastEventHash,
  );
  const deadlineAt = nextDeadline(t.from, t.to, policy.policy, now, req.deadlineAt);
  await recordStep(sql, { requestId: req.id, fromVersion: req.version, next: { ...next, deadlineAt }, now, event });
  // A stage with a deadline started (or its deadline moved): its job, in this transaction (decision 031).
  const deadline = { from: t.from, to: t.to, before: req.deadlineAt, after: deadlineAt };
  if (startsDeadline(deadline)) await scheduleDeadline(sql, { requestId: req.id, seq: event.seq, status: t.to, deadlineAt: deadline.after });
  return { id: req.id, status: t.to, version: req.version + 1, refundId };
}

/** Every line of the request arrived in full and in a condition the request's policy accepts (one parcel of these lines). */
async function inspect(tx: Tx, policyId: string, lines: { id: string; quantity: number }[], received: NonNullable<ActInput["inspection"]>["lines"]): Promise<boolean> {
  const declared = lines.map((l) => ({ returnLineId: l.id, expected: l.quantity, ordered: l.quantity }));
  const parts = received.map((l) => ({ returnLineId: l.returnLineId, quantity: l.receivedQuantity, condition: l.condition }));
  return compareReceipt(declared, parts, acceptableConditions((await policyById(tx, policyId)).policy)).matches;
}
