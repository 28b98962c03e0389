import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client";
import { evidencePhotos, orderLines, orders, returnLines, returnReasons, returnRequests, skus } from "../../db/schema";
import { AppError } from "../domain/errors";
import { labelRefusal } from "../domain/return-label";
import { availableActions, type RequestState } from "../domain/state-machine";
import type { Action, ActorRole } from "../domain/vocabulary";
import { loadHistory } from "./history-store";
import { reasonNames } from "./reasons";
import { customerRefundOf } from "./refunds/customer-refund";
import { replacementState } from "./exchange/replacement-availability";
import { warehouseAddressOf } from "./warehouses";

const asState = (r: typeof returnRequests.$inferSelect): RequestState => ({ ...r, infoReturnStatus: r.infoReturnStatus ?? null });

/** The variant an exchange asks for, joined beside the variant that was sold. */
const exchangeSkus = alias(skus, "exchange_skus");

/** The lines with their reason's names (from its row, so a retired reason still reads as it did). */
async function linesOf(db: DbOrTx, requestId: string) {
  const rows = await db
    .select({
      id: returnLines.id,
      orderLineId: returnLines.orderLineId,
      title: orderLines.title,
      skuCode: skus.skuCode,
      attributes: skus.attributes,
      quantity: returnLines.quantity,
      boughtQuantity: orderLines.quantity,
      paidFen: orderLines.paidFen,
      refundFen: returnLines.refundFen,
      reasonCode: returnLines.reasonCode,
      reasonZh: returnReasons.nameZh,
      reasonEn: returnReasons.nameEn,
      note: returnLines.note,
      exchangeSkuId: returnLines.exchangeSkuId,
      exchangeAttributes: exchangeSkus.attributes,
      receivedQuantity: returnLines.receivedQuantity,
      condition: returnLines.condition,
    })
    .from(returnLines)
    .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
    .innerJoin(skus, eq(skus.id, orderLines.skuId))
    .leftJoin(exchangeSkus, eq(exchangeSkus.id, returnLines.exchangeSkuId))
    .innerJoin(returnReasons, and(eq(returnReasons.kind, returnLines.reasonKind), eq(returnReasons.code, returnLines.reasonCode)))
    .where(eq(returnLines.requestId, requestId))
    .orderBy(asc(orderLines.title));
  return rows.map(({ reasonZh, reasonEn, ...l }) => ({ ...l, reasonName: { "zh-CN": reasonZh, en: reasonEn } }));
}

/** Names of the rejection reasons a request's history gives, by code (retired ones included). */
async function rejectionNamesOf(db: DbOrTx, events: readonly { action: string; reasonCode: string | null }[]) {
  const codes = events.filter((e) => e.action === "reject" && e.reasonCode).map((e) => e.reasonCode!);
  return reasonNames(db, "rejection", codes);
}

async function photosOf(db: DbOrTx, requestId: string) {
  return db
    .select({ id: evidencePhotos.id, width: evidencePhotos.width, height: evidencePhotos.height, createdAt: evidencePhotos.createdAt })
    .from(evidencePhotos)
    // An erased photo (retention, erasure request) has no bytes left to show.
    .where(and(eq(evidencePhotos.requestId, requestId), isNull(evidencePhotos.erasedAt)))
    .orderBy(asc(evidencePhotos.createdAt));
}

/** Who on the staff holds a request, and which staff were told of a passed deadline, is internal: the customer's timeline leaves these steps out. */
const STAFF_ONLY_ACTIONS: readonly Action[] = ["claim", "release", "assign", "overdue"];

/** A customer's own requests, newest first. */
export async function listCustomerRequests(db: DbOrTx, customerId: string) {
  return db
    .select({
      id: returnRequests.id,
      rmaNo: returnRequests.rmaNo,
      type: returnRequests.type,
      status: returnRequests.status,
      requestedRefundFen: returnRequests.requestedRefundFen,
      deadlineAt: returnRequests.deadlineAt,
      createdAt: returnRequests.createdAt,
      orderNo: orders.orderNo,
    })
    .from(returnRequests)
    .innerJoin(orders, eq(orders.id, returnRequests.orderId))
    .where(eq(returnRequests.customerId, customerId))
    .orderBy(desc(returnRequests.createdAt))
    .limit(200);
}

/**
 * One request as its customer sees it, by id or RMA number. Scoped by customer in the WHERE
 * clause: someone else's request is simply not found. Staff names and ids are not exposed.
 */
export async function requestForCustomer(db: DbOrTx, customerId: string, ref: { id?: string; rmaNo?: string }) {
  const match = ref.id ? eq(returnRequests.id, ref.id) : ref.rmaNo ? eq(returnRequests.rmaNo, ref.rmaNo) : undefined;
  if (!match) throw new AppError("not_found");
  const [row] = await db
    .select({ request: returnRequests, orderNo: orders.orderNo })
    .from(returnRequests)
    .innerJoin(orders, eq(orders.id, returnRequests.orderId))
    .where(and(match, eq(returnRequests.customerId, customerId)));
  if (!row) throw new AppError("not_found");
  const r = row.request;
  const [lines, photos, events, refund, replacement, warehouse] = await Promise.all([
    linesOf(db, r.id),
    photosOf(db, r.id),
    loadHistory(db, r.id),
    customerRefundOf(db, r.id),
    replacementState(db, r),
    warehouseAddressOf(db, r.warehouseId),
  ]);
  const rejectionNames = await rejectionNamesOf(db, events);
  return {
    id: r.id,
    rmaNo: r.rmaNo,
    orderNo: row.orderNo,
    type: r.type,
    status: r.status,
    version: r.version,
    stages: r.route.stages,
    requestedRefundFen: r.requestedRefundFen,
    approvedRefundFen: r.approvedRefundFen,
    rejectionCode: r.rejectionCode,
    appealUsed: r.appealUsed,
    returnCarrier: r.returnCarrier,
    returnTrackingNo: r.returnTrackingNo,
    /** Where the parcel goes: the warehouse chosen at submission (decision 027). */
    warehouse,
    /** Whether the return slip can be printed now (labelRefusal); the H5 page links it only then. */
    labelAvailable: labelRefusal({ status: r.status, stages: r.route.stages, goodsReceived: r.goodsReceived }, "customer") === null,
    deadlineAt: r.deadlineAt,
    createdAt: r.createdAt,
    lines: lines.map(({ paidFen: _p, ...l }) => l),
    photos,
    timeline: events.filter((e) => !STAFF_ONLY_ACTIONS.includes(e.action)).map((e) => ({
      seq: e.seq,
      action: e.action,
      role: e.role as ActorRole,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reasonCode: e.reasonCode,
      reasonName: e.action === "reject" && e.reasonCode ? (rejectionNames.get(e.reasonCode) ?? null) : null,
      // Staff comments are written for the customer when the action asks them something or says no.
      comment: e.actorType === "customer" || ["request_info", "reject", "accept_partial", "lower_refund", "convert_to_refund"].includes(e.action) ? e.comment : null,
      createdAt: e.createdAt,
    })),
    allowedActions: availableActions(
      { ...asState(r), ...(replacement && { replacementShort: replacement.replacementShort, exchangeOutOfStock: replacement.exchangeOutOfStock }) },
      "customer",
      customerId,
    ),
    /** Exchange: the lines whose replacement is out of stock (no counts), and who decides then (decision 030). */
    replacementShortLineIds: replacement?.lines.filter((l) => l.short).map((l) => l.returnLineId) ?? [],
    exchangeOutOfStock: replacement?.exchangeOutOfStock ?? null,
    /** The replacement's shipment, once the warehouse sent it. */
    replacementShipment: r.replacementCarrier && r.replacementTrackingNo ? { carrier: r.replacementCarrier, trackingNo: r.replacementTrackingNo } : null,
    /** The refund's state, and once paid its amount, method and reference (docs/decisions/024). */
    refund,
  };
}
