import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { customerSessions, customers, evidencePhotos, orderLines, orders, returnRequests } from "../../../db/schema";
import { AppError } from "../../domain/errors";
import { listCustomerRequests, requestForCustomer } from "../read-requests";
import { listErasureRequests } from "./erasure";

/**
 * Everything the shop holds about a customer, as the customer may download it (PIPL art. 45,
 * "我的数据"): their contact data, orders, requests as they see them (lines, notes, timeline),
 * the photos they uploaded, their signed-in devices and their erasure requests. Staff names and
 * internal notes are not theirs and are not included.
 */
export async function exportCustomerData(db: DbOrTx, customerId: string, now = new Date()) {
  const [person] = await db
    .select({ name: customers.name, phone: customers.phone, createdAt: customers.createdAt })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!person) throw new AppError("not_found");
  const orderRows = await db
    .select({ id: orders.id, orderNo: orders.orderNo, status: orders.status, paymentMethod: orders.paymentMethod, totalPaidFen: orders.totalPaidFen, refundedFen: orders.refundedFen, paidAt: orders.paidAt, deliveredAt: orders.deliveredAt })
    .from(orders)
    .where(eq(orders.customerId, customerId))
    .orderBy(asc(orders.createdAt));
  const lineRows = orderRows.length
    ? await db
        .select({ orderId: orderLines.orderId, title: orderLines.title, quantity: orderLines.quantity, paidFen: orderLines.paidFen })
        .from(orderLines)
        .where(inArray(orderLines.orderId, orderRows.map((o) => o.id)))
        .orderBy(asc(orderLines.title))
    : [];
  const requests = [];
  for (const r of await listCustomerRequests(db, customerId)) {
    const { allowedActions: _a, version: _v, id: _id, ...full } = await requestForCustomer(db, customerId, { id: r.id });
    requests.push(full);
  }
  const photos = await db
    .select({ id: evidencePhotos.id, rmaNo: returnRequests.rmaNo, width: evidencePhotos.width, height: evidencePhotos.height, bytes: evidencePhotos.bytes, uploadedAt: evidencePhotos.createdAt, erasedAt: evidencePhotos.erasedAt })
    .from(evidencePhotos)
    .leftJoin(returnRequests, eq(returnRequests.id, evidencePhotos.requestId))
    .where(eq(evidencePhotos.customerId, customerId))
    .orderBy(asc(evidencePhotos.createdAt));
  const sessions = await db
    .select({ createdAt: customerSessions.createdAt, lastSeenAt: customerSessions.lastSeenAt, expiresAt: customerSessions.expiresAt, userAgent: customerSessions.userAgent })
    .from(customerSessions)
    .where(and(eq(customerSessions.customerId, customerId), gt(customerSessions.expiresAt, now)))
    .orderBy(desc(customerSessions.lastSeenAt));
  return {
    exportedAt: now,
    customer: person,
    orders: orderRows.map(({ id, ...o }) => ({ ...o, lines: lineRows.filter((l) => l.orderId === id).map(({ orderId: _o, ...l }) => l) })),
    requests,
    photos: photos.map((p) => ({ ...p, rmaNo: p.rmaNo ?? null, draft: p.rmaNo === null })),
    sessions,
    erasureRequests: await listErasureRequests(db, customerId),
  };
}
