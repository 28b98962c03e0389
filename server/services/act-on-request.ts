import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { orderLines, orders, refunds, returnLines, returnRequests } from "../../db/schema";
import { AppError } from "../domain/errors";
import { clampPartialRefund } from "../domain/money";
import { nextDeadline } from "../domain/policy";
import { holdsItems } from "../domain/route";
import { transition, type RequestState } from "../domain/state-machine";
import type { Action, ActorRole, ItemCondition, RejectionCode } from "../domain/vocabulary";
import { attachPhotos } from "./attach-photos";
import { appendEvent } from "./history-store";
import { withDbErrors } from "./pg-errors";
import { policyById } from "./policy-store";

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
  deductionFen?: number;
  gatewayRefundId?: string;
  failureReason?: string;
  /** Photos the customer uploaded with an answer (provide_info / appeal); only their own, unattached ones. */
  photoIds?: string[];
}

export interface ActResult {
  id: string;
  status: string;
  version: number;
  /** Set when the action started a refund: the caller sends it to the gateway after commit. */
  refundId?: string;
}

/** Conditions that count as "arrived as declared" at inspection. */
const GOOD_CONDITIONS: readonly ItemCondition[] = ["as_new", "opened"];

/**
 * Applies one action to one request: lock, check version and state machine, write the change
 * and its history event, all in one transaction. Customers can only reach their own requests.
 */
export async function actOnRequest(db: Db, actor: Actor, input: ActInput, now = new Date()): Promise<ActResult> {
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      const scope: SQL[] = [eq(returnRequests.id, input.requestId)];
      if (actor.type === "customer") scope.push(eq(returnRequests.customerId, actor.id));
      const [req] = await tx
        .select()
        .from(returnRequests)
        .where(and(...scope))
        .for("update");
      if (!req) throw new AppError("not_found");
      if (input.expectedVersion !== undefined && input.expectedVersion !== req.version) throw new AppError("version_conflict");

      const lines = await tx.select().from(returnLines).where(eq(returnLines.requestId, req.id));
      const inspectionMatches = input.action === "receive" ? inspect(lines, input) : undefined;
      const state: RequestState = { ...req, infoReturnStatus: req.infoReturnStatus ?? null };
      const t = transition(state, { action: input.action, role: actor.role, actorId: actor.id, inspectionMatches });

      const changes: Record<string, unknown> = { ...t.changes };
      const update: Partial<typeof returnRequests.$inferInsert> = { ...t.changes };
      let refundId: string | undefined;

      switch (input.action) {
        case "reject":
          if (!input.rejectionCode) throw new AppError("missing_field", { field: "rejectionCode" });
          update.rejectionCode = changes.rejectionCode = input.rejectionCode;
          break;
        case "ship":
          if (!input.shipment) throw new AppError("missing_field", { field: "shipment" });
          update.returnCarrier = changes.returnCarrier = input.shipment.carrier;
          update.returnTrackingNo = changes.returnTrackingNo = input.shipment.trackingNo;
          break;
        case "receive":
          for (const l of input.inspection?.lines ?? []) {
            await tx
              .update(returnLines)
              .set({ receivedQuantity: l.receivedQuantity, condition: l.condition })
              .where(and(eq(returnLines.id, l.returnLineId), eq(returnLines.requestId, req.id)));
          }
          changes.inspection = input.inspection?.lines ?? [];
          changes.inspectionMatches = inspectionMatches;
          break;
        case "accept_full":
          update.approvedRefundFen = changes.approvedRefundFen = req.requestedRefundFen;
          break;
        case "accept_partial": {
          const deduction = input.deductionFen ?? 0;
          if (deduction <= 0 || deduction >= req.requestedRefundFen) throw new AppError("refund_exceeds_paid");
          update.approvedRefundFen = changes.approvedRefundFen = clampPartialRefund(req.requestedRefundFen, deduction);
          changes.deductionFen = deduction;
          break;
        }
        case "refund":
          refundId = await reserveRefund(tx, req, now);
          changes.refundId = refundId;
          break;
        case "refund_succeeded":
          await tx
            .update(refunds)
            .set({ status: "succeeded", gatewayRefundId: input.gatewayRefundId ?? null, updatedAt: now })
            .where(eq(refunds.requestId, req.id));
          break;
        case "refund_failed":
          await releaseRefund(tx, req.id, input.failureReason ?? null, now);
          changes.failureReason = input.failureReason ?? null;
          break;
      }

      if (input.photoIds?.length) changes.photos = await attachPhotos(tx, req.customerId, req.id, input.photoIds);

      // Items go back to the order when a request stops holding them, and are taken again on appeal.
      const direction = Number(holdsItems(t.to)) - Number(holdsItems(t.from));
      if (direction !== 0) {
        for (const l of lines) {
          await tx
            .update(orderLines)
            .set({ claimedQuantity: sql`${orderLines.claimedQuantity} + ${direction * l.quantity}` })
            .where(eq(orderLines.id, l.orderLineId));
        }
      }

      const policy = await policyById(tx, req.policyId);
      const version = req.version + 1;
      await tx
        .update(returnRequests)
        .set({ ...update, status: t.to, version, updatedAt: now, deadlineAt: nextDeadline(t.from, t.to, policy.policy, now, req.deadlineAt) })
        .where(eq(returnRequests.id, req.id));
      await appendEvent(
        tx,
        req.id,
        {
          actorType: actor.type,
          actorId: actor.type === "system" ? null : actor.id,
          role: actor.role,
          action: input.action,
          fromStatus: t.from,
          toStatus: t.to,
          reasonCode: input.rejectionCode ?? null,
          comment: input.comment ?? null,
          changes,
        },
        now,
      );
      return { id: req.id, status: t.to, version, refundId };
    }),
  );
}

function inspect(lines: (typeof returnLines.$inferSelect)[], input: ActInput): boolean {
  const found = new Map((input.inspection?.lines ?? []).map((l) => [l.returnLineId, l]));
  return lines.every((l) => {
    const got = found.get(l.id);
    return got !== undefined && got.receivedQuantity === l.quantity && GOOD_CONDITIONS.includes(got.condition);
  });
}

/**
 * Creates the request's refund (or re-arms it after a failure) and reserves the amount on the
 * order. The order's CHECK refuses any reservation past what was paid. The merchant refund
 * number is derived from the RMA, so it is the same on every retry.
 */
async function reserveRefund(tx: Tx, req: typeof returnRequests.$inferSelect, now: Date): Promise<string> {
  const amount = req.approvedRefundFen ?? req.requestedRefundFen;
  if (amount <= 0) throw new AppError("refund_exceeds_paid");
  const [order] = await tx.select({ paymentMethod: orders.paymentMethod }).from(orders).where(eq(orders.id, req.orderId));
  if (!order) throw new AppError("not_found");
  const [row] = await tx
    .insert(refunds)
    .values({ requestId: req.id, orderId: req.orderId, amountFen: amount, outRefundNo: `RF${req.rmaNo}`, gateway: order.paymentMethod, attempts: 1 })
    .onConflictDoUpdate({
      target: refunds.requestId,
      set: { status: "pending", failureReason: null, attempts: sql`${refunds.attempts} + 1`, updatedAt: now },
    })
    .returning({ id: refunds.id, amountFen: refunds.amountFen });
  if (!row) throw new Error("refund upsert returned nothing");
  await tx
    .update(orders)
    .set({ refundedFen: sql`${orders.refundedFen} + ${row.amountFen}` })
    .where(eq(orders.id, req.orderId));
  return row.id;
}

async function releaseRefund(tx: Tx, requestId: string, reason: string | null, now: Date) {
  const [row] = await tx
    .update(refunds)
    .set({ status: "failed", failureReason: reason, updatedAt: now })
    .where(eq(refunds.requestId, requestId))
    .returning({ orderId: refunds.orderId, amountFen: refunds.amountFen });
  if (!row) throw new AppError("not_found");
  await tx
    .update(orders)
    .set({ refundedFen: sql`${orders.refundedFen} - ${row.amountFen}` })
    .where(eq(orders.id, row.orderId));
}
