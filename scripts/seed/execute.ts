import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { returnLines, returnRequests } from "../../db/schema";
import type { JobSender } from "../../server/jobs/boss";
import type { GatewayRegistry } from "../../server/payments/registry";
import { actOnRequest, type Actor, type ActInput } from "../../server/services/act-on-request";
import { recordGatewayAnswer } from "../../server/services/refunds/record-answer";
import { submitReturn } from "../../server/services/submit-return";
import type { DemoStaffKey } from "../../server/auth/demo-accounts";
import type { SeedOrder } from "./orders";
import type { PickedLines } from "./pick-lines";
import { roleOf, type PlannedRequest, type PlannedStep, type Who } from "./plan";

export interface ExecContext {
  db: Db;
  staffIds: Record<DemoStaffKey, string>;
  skuIds: Map<string, string>;
  /** The gateways the seed's refunds are recorded for (nothing is paid: the seed records the gateways' answers itself). */
  gateways: GatewayRegistry;
  jobs: JobSender;
}

export interface SeededRequest {
  plan: PlannedRequest;
  customerId: string;
  order: SeedOrder;
  picked: PickedLines;
  idempotencyKey: string;
}

function actorFor(ctx: ExecContext, who: Who, customerId: string): Actor {
  if (who === "customer") return { type: "customer", id: customerId, role: "customer" };
  if (who === "system") return { type: "system", id: "system", role: "system" };
  return { type: "staff", id: ctx.staffIds[who], role: roleOf(who) };
}

/** Inspection as the warehouse records it: all as declared, or one line short / worn. */
async function inspection(db: Db, requestId: string, kind: NonNullable<PlannedStep["inspection"]>) {
  const lines = await db.select().from(returnLines).where(eq(returnLines.requestId, requestId)).orderBy(returnLines.orderLineId);
  return {
    lines: lines.map((l, i) => {
      if (kind === "match" || i > 0) return { returnLineId: l.id, receivedQuantity: l.quantity, condition: "as_new" as const };
      return l.quantity > 1
        ? { returnLineId: l.id, receivedQuantity: l.quantity - 1, condition: "as_new" as const }
        : { returnLineId: l.id, receivedQuantity: l.quantity, condition: "used" as const };
    }),
  };
}

/**
 * Files one request through submitReturn and takes it through its planned steps with
 * actOnRequest, each at its planned time; the gateway's answers (refund_succeeded /
 * refund_failed) are recorded as the worker records them (recordGatewayAnswer). A refund whose
 * answer the plan leaves out stays refunding: its queued job and the reconciler finish it in the
 * demo, through the sandbox. Any answer other than the planned
 * status stops the seed: the plan and the services disagree, which is a bug on one side.
 */
export async function executeRequest(ctx: ExecContext, r: SeededRequest): Promise<string> {
  const { db } = ctx;
  const { plan, order, picked } = r;
  const submitted = await submitReturn(
    db,
    {
      customerId: r.customerId,
      orderId: order.id,
      type: plan.scenario.type,
      idempotencyKey: r.idempotencyKey,
      lines: picked.returns.map((w) => ({
        orderLineId: order.lines[w.lineIndex]!.id,
        quantity: w.quantity,
        reasonCode: w.reasonCode,
        note: w.note,
        exchangeSkuId: w.exchangeTo ? (ctx.skuIds.get(w.exchangeTo.code) ?? null) : null,
      })),
    },
    plan.submitAt,
  );
  const diverged = (what: string, got: string, want: string) =>
    new Error(`seed: ${submitted.rmaNo} (${plan.scenario.ends} scenario) ${what}: service says ${got}, plan says ${want}`);
  if (submitted.status !== plan.first) throw diverged("submit", submitted.status, plan.first);

  let version = 1;
  let refundId: string | undefined;
  for (const step of plan.steps) {
    if (step.action === "refund_succeeded" || step.action === "refund_failed") {
      if (!refundId) throw new Error("seed: a gateway answer before any refund");
      const recorded = await recordGatewayAnswer(
        db,
        refundId,
        step.action === "refund_succeeded"
          ? { state: "succeeded", gatewayRefundId: `SEED${refundId.replace(/-/g, "").slice(0, 24)}`, amountFen: 0, succeededAt: step.at }
          : { state: "refused", code: "SEED_REFUSED", message: step.failureReason ?? "refused" },
        { call: true, now: step.at },
      );
      const [row] = await db.select({ status: returnRequests.status, version: returnRequests.version }).from(returnRequests).where(eq(returnRequests.id, submitted.id));
      if (!recorded || row?.status !== step.expect) throw diverged(step.action, row?.status ?? "missing", step.expect);
      version = row.version;
      continue;
    }
    const input: ActInput = { requestId: submitted.id, expectedVersion: version, action: step.action, comment: step.comment };
    if (step.rejectionCode) input.rejectionCode = step.rejectionCode;
    if (step.shipment) input.shipment = step.shipment;
    if (step.deductionFen !== undefined) input.deductionFen = step.deductionFen;
    if (step.inspection) input.inspection = await inspection(db, submitted.id, step.inspection);
    if (step.action === "refund") input.refunding = { gateways: ctx.gateways, jobs: ctx.jobs };
    const result = await actOnRequest(db, actorFor(ctx, step.by, r.customerId), input, step.at);
    if (result.status !== step.expect) throw diverged(step.action, result.status, step.expect);
    version = result.version;
    if (result.refundId) refundId = result.refundId;
  }
  return submitted.id;
}
