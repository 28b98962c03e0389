import { and, asc, desc, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client";
import { channels, customers, evidencePhotos, orderLines, orders, returnLines, returnRequests, skus } from "../../db/schema";
import { AppError } from "../domain/errors";
import { availableActions, queueStatuses, type RequestState } from "../domain/state-machine";
import { TERMINAL_STATUSES, type ActorRole, type ReturnStatus, type StaffRole } from "../domain/vocabulary";
import { loadHistory } from "./history-store";
import { maskPhone } from "./mask-phone";

const asState = (r: typeof returnRequests.$inferSelect): RequestState => ({ ...r, infoReturnStatus: r.infoReturnStatus ?? null });

const queueColumns = {
  id: returnRequests.id,
  rmaNo: returnRequests.rmaNo,
  type: returnRequests.type,
  status: returnRequests.status,
  requestedRefundFen: returnRequests.requestedRefundFen,
  deadlineAt: returnRequests.deadlineAt,
  createdAt: returnRequests.createdAt,
  version: returnRequests.version,
  orderNo: orders.orderNo,
  channel: channels.code,
  customerName: customers.name,
  customerPhone: customers.phone,
};

/**
 * The requests waiting for a role, most urgent deadline first. The admin (store manager) has
 * no queue of their own and sees every open request.
 */
export async function listQueue(db: DbOrTx, role: StaffRole, opts: { limit?: number; status?: ReturnStatus } = {}) {
  const statuses = role === "admin" ? null : queueStatuses(role);
  const where = [
    statuses ? inArray(returnRequests.status, statuses) : notInArray(returnRequests.status, [...TERMINAL_STATUSES]),
    opts.status ? eq(returnRequests.status, opts.status) : undefined,
  ].filter(Boolean);
  const rows = await db
    .select(queueColumns)
    .from(returnRequests)
    .innerJoin(orders, eq(orders.id, returnRequests.orderId))
    .innerJoin(channels, eq(channels.id, orders.channelId))
    .innerJoin(customers, eq(customers.id, returnRequests.customerId))
    .where(and(...where))
    .orderBy(sql`${returnRequests.deadlineAt} ASC NULLS LAST`, asc(returnRequests.createdAt))
    .limit(opts.limit ?? 100);
  return rows.map(({ customerPhone, ...r }) => ({ ...r, customerPhone: maskPhone(customerPhone) }));
}

export type QueueItem = Awaited<ReturnType<typeof listQueue>>[number];

/** The variant an exchange asks for, joined beside the variant that was sold. */
const exchangeSkus = alias(skus, "exchange_skus");

async function linesOf(db: DbOrTx, requestId: string) {
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
    .orderBy(asc(orderLines.title));
}

async function photosOf(db: DbOrTx, requestId: string) {
  return db
    .select({ id: evidencePhotos.id, width: evidencePhotos.width, height: evidencePhotos.height, createdAt: evidencePhotos.createdAt })
    .from(evidencePhotos)
    .where(eq(evidencePhotos.requestId, requestId))
    .orderBy(asc(evidencePhotos.createdAt));
}

/** Everything staff need to decide: the request, its lines, photos, history and the customer's record. */
export async function requestForStaff(db: DbOrTx, requestId: string, viewer: { id: string; role: StaffRole }) {
  const [row] = await db
    .select({ request: returnRequests, order: orders, channel: channels.code, customer: customers })
    .from(returnRequests)
    .innerJoin(orders, eq(orders.id, returnRequests.orderId))
    .innerJoin(channels, eq(channels.id, orders.channelId))
    .innerJoin(customers, eq(customers.id, returnRequests.customerId))
    .where(eq(returnRequests.id, requestId));
  if (!row) throw new AppError("not_found");
  const [lines, photos, events, history] = await Promise.all([
    linesOf(db, requestId),
    photosOf(db, requestId),
    loadHistory(db, requestId),
    db
      .select({ status: returnRequests.status, n: sql<number>`count(*)::int` })
      .from(returnRequests)
      .where(and(eq(returnRequests.customerId, row.customer.id), ne(returnRequests.id, requestId)))
      .groupBy(returnRequests.status),
  ]);
  const { idempotencyKey: _k, ...request } = row.request;
  return {
    request,
    order: {
      orderNo: row.order.orderNo,
      channel: row.channel,
      paymentMethod: row.order.paymentMethod,
      totalPaidFen: row.order.totalPaidFen,
      refundedFen: row.order.refundedFen,
      paidAt: row.order.paidAt,
      deliveredAt: row.order.deliveredAt,
    },
    customer: { id: row.customer.id, name: row.customer.name, phone: maskPhone(row.customer.phone), otherRequests: history },
    lines,
    photos,
    events,
    allowedActions: availableActions(asState(row.request), viewer.role, viewer.id),
  };
}

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
  const [lines, photos, events] = await Promise.all([linesOf(db, r.id), photosOf(db, r.id), loadHistory(db, r.id)]);
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
    deadlineAt: r.deadlineAt,
    createdAt: r.createdAt,
    lines: lines.map(({ paidFen: _p, ...l }) => l),
    photos,
    timeline: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      role: e.role as ActorRole,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reasonCode: e.reasonCode,
      // Staff comments are written for the customer when the action asks them something or says no.
      comment: e.actorType === "customer" || ["request_info", "reject", "accept_partial"].includes(e.action) ? e.comment : null,
      createdAt: e.createdAt,
    })),
    allowedActions: availableActions(asState(r), "customer", customerId),
  };
}
