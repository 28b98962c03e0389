import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../../db/client";
import { channels, customers, evidencePhotos, orderLines, orders, refunds, returnEvents, returnLines, returnRequests, skus, staffUsers } from "../../../db/schema";

/** The data behind the staff request screen, one query per piece; request-view/index.ts decides which run. */

/** The request row with what every role sees, plus the ids the other queries need. */
export async function coreOf(db: DbOrTx, requestId: string) {
  const [row] = await db
    .select({
      id: returnRequests.id,
      rmaNo: returnRequests.rmaNo,
      orderId: returnRequests.orderId,
      customerId: returnRequests.customerId,
      type: returnRequests.type,
      status: returnRequests.status,
      route: returnRequests.route,
      policyId: returnRequests.policyId,
      requestedRefundFen: returnRequests.requestedRefundFen,
      approvedRefundFen: returnRequests.approvedRefundFen,
      infoReturnStatus: returnRequests.infoReturnStatus,
      appealUsed: returnRequests.appealUsed,
      goodsReceived: returnRequests.goodsReceived,
      refundApprovedBy: returnRequests.refundApprovedBy,
      rejectionCode: returnRequests.rejectionCode,
      returnCarrier: returnRequests.returnCarrier,
      returnTrackingNo: returnRequests.returnTrackingNo,
      replacementCarrier: returnRequests.replacementCarrier,
      replacementTrackingNo: returnRequests.replacementTrackingNo,
      deadlineAt: returnRequests.deadlineAt,
      version: returnRequests.version,
      holderId: returnRequests.holderId,
      heldAt: returnRequests.heldAt,
      createdAt: returnRequests.createdAt,
      updatedAt: returnRequests.updatedAt,
    })
    .from(returnRequests)
    .where(eq(returnRequests.id, requestId));
  return row ?? null;
}

export async function orderOf(db: DbOrTx, orderId: string) {
  const [row] = await db
    .select({
      orderNo: orders.orderNo,
      channel: channels.code,
      status: orders.status,
      paymentMethod: orders.paymentMethod,
      gatewayTxnId: orders.gatewayTxnId,
      totalPaidFen: orders.totalPaidFen,
      refundedFen: orders.refundedFen,
      paidAt: orders.paidAt,
      deliveredAt: orders.deliveredAt,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .innerJoin(channels, eq(channels.id, orders.channelId))
    .where(eq(orders.id, orderId));
  if (!row) throw new Error(`order ${orderId} of a request is missing`);
  return row;
}

export async function orderLinesOf(db: DbOrTx, orderId: string) {
  return db
    .select({ id: orderLines.id, title: orderLines.title, skuCode: skus.skuCode, quantity: orderLines.quantity, unitPriceFen: orderLines.unitPriceFen, paidFen: orderLines.paidFen })
    .from(orderLines)
    .innerJoin(skus, eq(skus.id, orderLines.skuId))
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.title), asc(orderLines.id));
}

/** The variant an exchange asks for, joined beside the variant that was sold. */
const exchangeSkus = alias(skus, "exchange_skus");

export async function requestedLinesOf(db: DbOrTx, requestId: string) {
  return db
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
    .where(eq(returnLines.requestId, requestId))
    .orderBy(asc(orderLines.title), asc(returnLines.id));
}

/** Attached photos only: a draft (request_id IS NULL) belongs to its customer alone. */
export async function photosOf(db: DbOrTx, requestId: string) {
  return db
    .select({ id: evidencePhotos.id, width: evidencePhotos.width, height: evidencePhotos.height, createdAt: evidencePhotos.createdAt })
    .from(evidencePhotos)
    // Erased photos (retention, erasure request) have no bytes left to show.
    .where(and(eq(evidencePhotos.requestId, requestId), isNotNull(evidencePhotos.requestId), isNull(evidencePhotos.erasedAt)))
    .orderBy(asc(evidencePhotos.createdAt), asc(evidencePhotos.id));
}

/** The history with staff actors' names; customers and the system stay unnamed. */
export async function timelineOf(db: DbOrTx, requestId: string) {
  return db
    .select({
      seq: returnEvents.seq,
      action: returnEvents.action,
      actorType: returnEvents.actorType,
      actorName: staffUsers.name,
      role: returnEvents.role,
      fromStatus: returnEvents.fromStatus,
      toStatus: returnEvents.toStatus,
      reasonCode: returnEvents.reasonCode,
      comment: returnEvents.comment,
      createdAt: returnEvents.createdAt,
    })
    .from(returnEvents)
    .leftJoin(staffUsers, and(eq(returnEvents.actorType, "staff"), eq(sql`${staffUsers.id}::text`, returnEvents.actorId)))
    .where(eq(returnEvents.requestId, requestId))
    .orderBy(asc(returnEvents.seq));
}

/** The request's newest refund record (a request may have several: docs/decisions/021). */
export async function refundOf(db: DbOrTx, requestId: string) {
  const [row] = await db
    .select({
      outRefundNo: refunds.outRefundNo,
      amountFen: refunds.amountFen,
      gateway: refunds.gateway,
      status: refunds.status,
      gatewayRefundId: refunds.gatewayRefundId,
      failureReason: refunds.failureReason,
      attempts: refunds.attempts,
      updatedAt: refunds.updatedAt,
    })
    .from(refunds)
    .where(eq(refunds.requestId, requestId))
    .orderBy(desc(refunds.createdAt), desc(refunds.outRefundNo))
    .limit(1);
  return row ?? null;
}

export async function customerOf(db: DbOrTx, customerId: string) {
  const [row] = await db.select({ name: customers.name, phone: customers.phone }).from(customers).where(eq(customers.id, customerId));
  if (!row) throw new Error(`customer ${customerId} of a request is missing`);
  return row;
}

export async function staffNameOf(db: DbOrTx, staffId: string) {
  const [row] = await db.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, staffId));
  return row?.name ?? null;
}
