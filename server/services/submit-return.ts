import { and, count, eq, gte, inArray, notInArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { categories, orderLines, orders, products, returnLines, returnRequests, skus } from "../../db/schema";
import { lineEligibility } from "../domain/eligibility";
import { checkEvidence } from "../domain/evidence";
import { AppError } from "../domain/errors";
import { refundableFen, sumFen } from "../domain/money";
import { decideRoute, deadlineFor } from "../domain/policy";
import { firstStatus, holdsItems } from "../domain/route";
import { RETURN_STATUSES, type ReasonCode, type ReturnType } from "../domain/vocabulary";
import { attachPhotos, ownDraftPhotoCount } from "./attach-photos";
import { appendEvent } from "./history-store";
import { withDbErrors } from "./pg-errors";
import { currentPolicy } from "./policy-store";
import { newRmaNumber } from "./rma-number";

export interface SubmitReturnInput {
  customerId: string;
  orderId: string;
  type: ReturnType;
  lines: { orderLineId: string; quantity: number; reasonCode: ReasonCode; note?: string | null; exchangeSkuId?: string | null }[];
  /** Chosen by the client once per draft: a retried or double-tapped submit returns the same request. */
  idempotencyKey: string;
  photoIds?: string[];
}

export interface SubmittedReturn {
  id: string;
  rmaNo: string;
  status: string;
  created: boolean;
}

const DAY = 86_400_000;
/** Statuses whose requests have given their items back (see holdsItems). */
const RELEASED_STATUSES = RETURN_STATUSES.filter((s) => !holdsItems(s));

export async function submitReturn(db: Db, input: SubmitReturnInput, now = new Date()): Promise<SubmittedReturn> {
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      // Locking the order serialises every submission against it: claims cannot race, and a
      // duplicate submit waits here and then finds the first one by its idempotency key.
      const [order] = await tx
        .select()
        .from(orders)
        .where(and(eq(orders.id, input.orderId), eq(orders.customerId, input.customerId)))
        .for("update");
      if (!order) throw new AppError("not_found");

      const [existing] = await tx
        .select({ id: returnRequests.id, rmaNo: returnRequests.rmaNo, status: returnRequests.status })
        .from(returnRequests)
        .where(and(eq(returnRequests.customerId, input.customerId), eq(returnRequests.idempotencyKey, input.idempotencyKey)));
      if (existing) return { ...existing, created: false };

      const lineIds = input.lines.map((l) => l.orderLineId);
      if (new Set(lineIds).size !== lineIds.length) throw new AppError("duplicate_lines");
      const rows = await tx
        .select({ line: orderLines, productId: skus.productId, category: categories })
        .from(orderLines)
        .innerJoin(skus, eq(skus.id, orderLines.skuId))
        .innerJoin(products, eq(products.id, skus.productId))
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(and(eq(orderLines.orderId, order.id), inArray(orderLines.id, lineIds)));
      const byId = new Map(rows.map((r) => [r.line.id, r]));

      const priced = [];
      for (const wanted of input.lines) {
        const row = byId.get(wanted.orderLineId);
        if (!row) throw new AppError("not_found");
        const { line, category } = row;
        const elig = lineEligibility({ ...line, category }, order, now);
        if (elig.reason) throw new AppError("line_not_returnable", { title: line.title, why: elig.reason });
        if (wanted.quantity > elig.returnableQuantity) {
          throw new AppError("quantity_exceeds_available", { title: line.title, available: elig.returnableQuantity });
        }
        if (input.type === "exchange") await checkExchangeVariant(tx, line.skuId, row.productId, wanted.exchangeSkuId, line.title);
        // Units are priced by how many are held; after a cancellation in between, the same unit
        // could be priced twice, so never price past what is left of the line's paid amount.
        const left = line.paidFen - (await heldRefundFen(tx, line.id));
        const refundFen = Math.min(refundableFen(line, line.claimedQuantity, wanted.quantity), Math.max(0, left));
        priced.push({ wanted, row, refundFen });
      }

      const goodsFen = sumFen(priced.map((p) => p.refundFen));
      const policy = await currentPolicy(tx);
      checkEvidence(policy.policy.evidence, input.lines.map((l) => l.reasonCode), await ownDraftPhotoCount(tx, input.customerId, input.photoIds));
      const [history] = await tx
        .select({ n: count() })
        .from(returnRequests)
        .where(
          and(
            eq(returnRequests.customerId, input.customerId),
            gte(returnRequests.createdAt, new Date(now.getTime() - policy.policy.historyWindowDays * DAY)),
          ),
        );
      const route = decideRoute(policy.policy, {
        type: input.type,
        amountFen: goodsFen,
        categories: priced.map((p) => ({ code: p.row.category.code, highValue: p.row.category.highValue })),
        priorReturns: history?.n ?? 0,
      });
      const status = firstStatus(route);

      const [request] = await tx
        .insert(returnRequests)
        .values({
          rmaNo: newRmaNumber(now),
          orderId: order.id,
          customerId: input.customerId,
          type: input.type,
          status,
          route,
          policyId: policy.id,
          // An exchange sends goods, not money: nothing is refundable on it.
          requestedRefundFen: input.type === "exchange" ? 0 : goodsFen,
          deadlineAt: deadlineFor(status, policy.policy, now),
          idempotencyKey: input.idempotencyKey,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: returnRequests.id, rmaNo: returnRequests.rmaNo, status: returnRequests.status });
      if (!request) throw new Error("insert returned nothing");

      await tx.insert(returnLines).values(
        priced.map(({ wanted, refundFen }) => ({
          requestId: request.id,
          orderLineId: wanted.orderLineId,
          quantity: wanted.quantity,
          refundFen: input.type === "exchange" ? 0 : refundFen,
          reasonCode: wanted.reasonCode,
          note: wanted.note ?? null,
          exchangeSkuId: input.type === "exchange" ? (wanted.exchangeSkuId ?? null) : null,
        })),
      );
      for (const { wanted } of priced) {
        await tx
          .update(orderLines)
          .set({ claimedQuantity: sql`${orderLines.claimedQuantity} + ${wanted.quantity}` })
          .where(eq(orderLines.id, wanted.orderLineId));
      }
      const photoCount = await attachPhotos(tx, input.customerId, request.id, input.photoIds);

      await appendEvent(
        tx,
        request.id,
        {
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
            requestedRefundFen: input.type === "exchange" ? 0 : goodsFen,
            route: route.stages,
            matchedRules: route.matchedRules,
            policyVersion: policy.version,
            lines: priced.map((p) => ({ orderLineId: p.wanted.orderLineId, quantity: p.wanted.quantity, reasonCode: p.wanted.reasonCode })),
            photos: photoCount,
          },
        },
        now,
      );
      return { ...request, created: true };
    }),
  );
}

/** What the requests that still hold units of an order line ask to refund for them. */
async function heldRefundFen(tx: Tx, orderLineId: string): Promise<number> {
  const [row] = await tx
    .select({ fen: sql<number>`coalesce(sum(${returnLines.refundFen}), 0)::int` })
    .from(returnLines)
    .innerJoin(returnRequests, eq(returnRequests.id, returnLines.requestId))
    .where(and(eq(returnLines.orderLineId, orderLineId), notInArray(returnRequests.status, RELEASED_STATUSES)));
  return row?.fen ?? 0;
}

async function checkExchangeVariant(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  soldSkuId: string,
  productId: string,
  wantedSkuId: string | null | undefined,
  title: string,
) {
  if (!wantedSkuId || wantedSkuId === soldSkuId) throw new AppError("exchange_variant_invalid", { title });
  const [variant] = await tx
    .select({ id: skus.id })
    .from(skus)
    .where(and(eq(skus.id, wantedSkuId), eq(skus.productId, productId), gte(skus.stock, 1)));
  if (!variant) throw new AppError("exchange_variant_invalid", { title });
}
