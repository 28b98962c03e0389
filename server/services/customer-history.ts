import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client";
import { channels, orders, returnEvents, returnRequests } from "../../db/schema";
import { riskSignals, type RiskFacts, type RiskSignal } from "../domain/risk";
import type { ReturnStatus, ReturnType as RequestType } from "../domain/vocabulary";

/**
 * What a reviewer needs to know about the customer behind a request, and the risk signals
 * computed from it. Loads many requests at once (the queue's bulk approval) in four queries
 * whatever their number: the requests, their customers' order counts, their customers'
 * requests (with "was rejected" / "failed inspection" from the history), and shared return
 * tracking numbers.
 *
 * Contact sharing: `customers.phone` is unique (a customer IS their phone number) and orders
 * carry no delivery address yet, so the one datum two customers can share today is a return
 * tracking number: the same parcel declared for requests of different customers.
 */

export interface EarlierRequest {
  id: string;
  rmaNo: string;
  orderNo: string;
  type: RequestType;
  status: ReturnStatus;
  requestedRefundFen: number;
  createdAt: Date;
  /** Staff rejected it at some point (an upheld appeal does not erase that). */
  rejected: boolean;
  /** The parcel failed the warehouse inspection at some point. */
  mismatch: boolean;
}

export interface RiskAssessment {
  customerId: string;
  facts: RiskFacts;
  signals: RiskSignal[];
  /** The customer's requests created before this one, newest first. */
  earlierRequests: EarlierRequest[];
}

/** Risk facts and signals per request id; ids that do not exist are simply absent from the map. */
export async function assessRequests(db: DbOrTx, requestIds: readonly string[]): Promise<Map<string, RiskAssessment>> {
  const result = new Map<string, RiskAssessment>();
  const ids = [...new Set(requestIds)];
  if (ids.length === 0) return result;

  const targets = await db
    .select({ id: returnRequests.id, customerId: returnRequests.customerId, requestedRefundFen: returnRequests.requestedRefundFen, createdAt: returnRequests.createdAt })
    .from(returnRequests)
    .where(inArray(returnRequests.id, ids));
  if (targets.length === 0) return result;
  const customerIds = [...new Set(targets.map((t) => t.customerId))];

  const other = alias(returnRequests, "other_requests");
  const [orderCounts, requests, sharedTracking] = await Promise.all([
    db
      .select({ customerId: orders.customerId, n: count() })
      .from(orders)
      .where(inArray(orders.customerId, customerIds))
      .groupBy(orders.customerId),
    db
      .select({
        id: returnRequests.id,
        customerId: returnRequests.customerId,
        rmaNo: returnRequests.rmaNo,
        orderNo: orders.orderNo,
        type: returnRequests.type,
        status: returnRequests.status,
        requestedRefundFen: returnRequests.requestedRefundFen,
        createdAt: returnRequests.createdAt,
        rejected: sql<boolean>`exists (select 1 from ${returnEvents} where ${returnEvents.requestId} = ${returnRequests.id} and ${returnEvents.action} = 'reject')`,
        mismatch: sql<boolean>`exists (select 1 from ${returnEvents} where ${returnEvents.requestId} = ${returnRequests.id} and ${returnEvents.toStatus} = 'inspection_mismatch')`,
      })
      .from(returnRequests)
      .innerJoin(orders, eq(orders.id, returnRequests.orderId))
      .where(inArray(returnRequests.customerId, customerIds))
      .orderBy(desc(returnRequests.createdAt), desc(returnRequests.id)),
    db
      .select({ requestId: returnRequests.id, otherCustomers: sql<number>`count(distinct ${other.customerId})::int` })
      .from(returnRequests)
      .innerJoin(other, and(eq(other.returnTrackingNo, returnRequests.returnTrackingNo), ne(other.customerId, returnRequests.customerId)))
      .where(inArray(returnRequests.id, ids))
      .groupBy(returnRequests.id),
  ]);

  const ordersOf = new Map(orderCounts.map((o) => [o.customerId, o.n]));
  const sharedOf = new Map(sharedTracking.map((s) => [s.requestId, s.otherCustomers]));
  const byCustomer = new Map<string, typeof requests>();
  for (const r of requests) byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), r]);

  for (const t of targets) {
    const mine = (byCustomer.get(t.customerId) ?? []).filter((r) => r.status !== "cancelled" || r.id === t.id);
    // Creation time orders requests; the id breaks a tie so two requests of one instant do not count each other.
    const isEarlier = (r: (typeof mine)[number]) => r.createdAt < t.createdAt || (r.createdAt.getTime() === t.createdAt.getTime() && r.id < t.id);
    const earlier = (byCustomer.get(t.customerId) ?? []).filter(isEarlier);
    const earlierKept = earlier.filter((r) => r.status !== "cancelled");
    const facts: RiskFacts = {
      orders: ordersOf.get(t.customerId) ?? 0,
      returns: new Set(mine.map((r) => r.orderNo)).size,
      earlierRejections: earlier.filter((r) => r.rejected).length,
      earlierMismatches: earlier.filter((r) => r.mismatch).length,
      requestedFen: t.requestedRefundFen,
      earlierRequestedFen: earlierKept.map((r) => r.requestedRefundFen),
      sharedContacts: [{ field: "return_tracking", otherCustomers: sharedOf.get(t.id) ?? 0 }],
    };
    result.set(t.id, {
      customerId: t.customerId,
      facts,
      signals: riskSignals(facts),
      earlierRequests: earlier.map(({ customerId: _c, ...r }) => r),
    });
  }
  return result;
}

/** The customer's orders, newest first, for the history section of one request. */
export async function customerOrders(db: DbOrTx, customerId: string, limit = 50) {
  return db
    .select({
      id: orders.id,
      orderNo: orders.orderNo,
      channel: channels.code,
      status: orders.status,
      totalPaidFen: orders.totalPaidFen,
      refundedFen: orders.refundedFen,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .innerJoin(channels, eq(channels.id, orders.channelId))
    .where(eq(orders.customerId, customerId))
    .orderBy(desc(orders.createdAt), asc(orders.orderNo))
    .limit(limit);
}

/** One request's customer history: the assessment plus the customer's orders (five queries). */
export async function customerHistory(db: DbOrTx, requestId: string) {
  const assessment = (await assessRequests(db, [requestId])).get(requestId);
  if (!assessment) return null;
  return { ...assessment, orders: await customerOrders(db, assessment.customerId) };
}

export type CustomerHistory = NonNullable<Awaited<ReturnType<typeof customerHistory>>>;
