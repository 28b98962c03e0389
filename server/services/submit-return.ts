import { randomUUID } from "node:crypto";
import { sqlOf, type Db } from "../../db/client";
import { lineEligibility } from "../domain/eligibility";
import { checkEvidence } from "../domain/evidence";
import { AppError } from "../domain/errors";
import { chain, GENESIS_HASH } from "../domain/history";
import { refundableFen, sumFen } from "../domain/money";
import { decideRouteOverSplits, deadlineFor, DEFAULT_POLICY } from "../domain/policy";
import { firstStatus, holdsItems } from "../domain/route";
import { RETURN_STATUSES, type ReasonCode, type ReturnType } from "../domain/vocabulary";
import { chooseWarehouse } from "../domain/warehouse-choice";
import { scheduleDeadline } from "./deadlines/schedule";
import { insertSubmission, lockDraftPhotos, lockOrder, submissionContext } from "./data/submission";
import { withDbErrors } from "./pg-errors";
import { currentPolicy, policyById } from "./policy-store";
import { newRmaNumber } from "./rma-number";

export interface SubmitReturnInput {
  customerId: string;
  orderId: string;
  type: ReturnType;
  lines: { orderLineId: string; quantity: number; reasonCode: ReasonCode; note?: string | null; exchangeSkuId?: string | null }[];
  /** Chosen by the client once per draft: a retried or double-tapped submit returns the same request. */
  idempotencyKey: string;
  photoIds?: string[];
  /** The H5's language: the customer's notifications are sent in it. */
  locale?: "zh-CN" | "en";
}

export interface SubmittedReturn {
  id: string;
  rmaNo: string;
  status: string;
  created: boolean;
}

/** Statuses whose requests have given their items back (see holdsItems). */
const RELEASED_STATUSES = RETURN_STATUSES.filter((s) => !holdsItems(s));

export async function submitReturn(db: Db, input: SubmitReturnInput, now = new Date()): Promise<SubmittedReturn> {
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      const sql = sqlOf(tx);
      const order = await lockOrder(sql, input.orderId, input.customerId);
      if (!order) throw new AppError("not_found");

      // Read after the lock: a duplicate submit that waited sees the first one here.
      const ctx = await submissionContext(sql, {
        orderId: order.id,
        customerId: input.customerId,
        idempotencyKey: input.idempotencyKey,
        // Only an exchange looks at the variant asked for.
        wanted: input.lines.map((l) => ({ orderLineId: l.orderLineId, exchangeSkuId: input.type === "exchange" ? (l.exchangeSkuId ?? null) : null })),
        reasonCodes: input.lines.map((l) => l.reasonCode),
        now,
        defaultWindowDays: DEFAULT_POLICY.historyWindowDays,
        releasedStatuses: RELEASED_STATUSES,
      });
      if (ctx.existing) return { ...ctx.existing, created: false };

      const lineIds = input.lines.map((l) => l.orderLineId);
      if (new Set(lineIds).size !== lineIds.length) throw new AppError("duplicate_lines");
      const byId = new Map(ctx.lines.map((l) => [l.id, l]));

      const priced = [];
      for (const wanted of input.lines) {
        const line = byId.get(wanted.orderLineId);
        if (!line) throw new AppError("not_found");
        const elig = lineEligibility({ ...line, category: line }, order, now);
        if (elig.reason) throw new AppError("line_not_returnable", { title: line.title, why: elig.reason });
        if (wanted.quantity > elig.returnableQuantity) {
          throw new AppError("quantity_exceeds_available", { title: line.title, available: elig.returnableQuantity });
        }
        if (input.type === "exchange") {
          // Another in-stock variant of the same product.
          const variant = wanted.exchangeSkuId;
          if (!variant || variant === line.skuId || !line.variantInStock) throw new AppError("exchange_variant_invalid", { title: line.title });
        }
        // Units are priced by how many are held; after a cancellation in between, the same unit
        // could be priced twice, so never price past what is left of the line's paid amount.
        const left = line.paidFen - line.heldFen;
        const refundFen = Math.min(refundableFen(line, line.claimedQuantity, wanted.quantity), Math.max(0, left));
        priced.push({ wanted, line, refundFen });
      }

      const goodsFen = sumFen(priced.map((p) => p.refundFen));
      // Policy versions never change, so their bodies are cached by id; which one is in force was read above.
      const policy = ctx.policyId ? await policyById(tx, ctx.policyId) : await currentPolicy(tx);
      const photoIds = await lockDraftPhotos(sql, input.customerId, input.photoIds ?? []);
      // Reasons are rows (active or retired, photo rule); the policy says only how many photos.
      checkEvidence(policy.policy.evidence, ctx.reasons, input.lines.map((l) => l.reasonCode), photoIds.length);
      // Counted with what the order, and the customer within the history window, already hold:
      // a return split into smaller requests gets the stages the whole would (decision 017).
      // The customer's and the order's rows are locked, so nothing counted can change meanwhile.
      const route = decideRouteOverSplits(
        policy.policy,
        {
          type: input.type,
          amountFen: goodsFen,
          categories: priced.map((p) => ({ code: p.line.categoryCode, highValue: p.line.highValue })),
          priorReturns: ctx.priorReturns,
        },
        ctx.counted,
      );
      const status = firstStatus(route);
      const requestedRefundFen = input.type === "exchange" ? 0 : goodsFen;
      // docs/product-rules.md: a refund of ¥0 (free gifts, items already refunded at their price) is
      // refused here, with the reason, rather than waiting in pending_refund for a refund nobody can pay.
      if (input.type !== "exchange" && requestedRefundFen <= 0) throw new AppError("nothing_to_refund");

      const categoryIds = [...new Set(priced.map((p) => p.line.categoryId))];
      // Where the parcel goes: the most specific active warehouse for the order's channel and
      // every category of the request, else the default (decision 027). Refund-only requests get
      // one too, so a later conversion or a parcel sent anyway still has an address.
      const warehouseId = chooseWarehouse(ctx.warehouses, { channelCode: ctx.channelCode, categoryIds });

      // The id is made here so the first event (seq 1 on the genesis hash: a new request has no
      // history yet) can be chained before anything is written, and everything written at once.
      const id = randomUUID();
      const event = chain(
        {
          requestId: id,
          seq: 1,
          actorType: "customer",
          actorId: input.customerId,
          role: "customer",
          action: "submit",
          fromStatus: null,
          toStatus: status,
          reasonCode: null,
          comment: null,
          changes: {
            type: input.type,
            requestedRefundFen,
            route: route.stages,
            matchedRules: route.matchedRules,
            ...(route.counted ? { counted: route.counted } : {}),
            policyVersion: policy.version,
            lines: priced.map((p) => ({ orderLineId: p.wanted.orderLineId, quantity: p.wanted.quantity, reasonCode: p.wanted.reasonCode })),
            photos: photoIds.length,
            ...(warehouseId ? { warehouseId } : {}),
          },
          createdAt: now,
        },
        GENESIS_HASH,
      );
      const rmaNo = newRmaNumber(now);
      const deadlineAt = deadlineFor(status, policy.policy, now);
      await insertSubmission(sql, {
        id,
        rmaNo,
        orderId: order.id,
        customerId: input.customerId,
        type: input.type,
        status,
        route,
        policyId: policy.id,
        // An exchange sends goods, not money: nothing is refundable on it.
        requestedRefundFen,
        deadlineAt,
        categoryIds,
        warehouseId,
        idempotencyKey: input.idempotencyKey,
        now,
        lines: priced.map(({ wanted, refundFen }) => ({
          orderLineId: wanted.orderLineId,
          quantity: wanted.quantity,
          refundFen: input.type === "exchange" ? 0 : refundFen,
          reasonCode: wanted.reasonCode,
          note: wanted.note ?? null,
          exchangeSkuId: input.type === "exchange" ? (wanted.exchangeSkuId ?? null) : null,
        })),
        photoIds,
        event,
        locale: input.locale,
      });
      // The first stage's deadline job, with the submission (docs/decisions/031-deadlines-as-jobs.md).
      if (deadlineAt) await scheduleDeadline(sql, { requestId: id, seq: event.seq, status, deadlineAt });
      return { id, rmaNo, status, created: true };
    }),
  );
}
