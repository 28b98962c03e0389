import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { refunds, returnRequests, staffUsers } from "../../../db/schema";
import { beijingDayBounds } from "../../domain/reconciliation";
import type { RefundChannel, RefundKind, RefundStatus } from "../../domain/vocabulary";

/** One of our refund records with what the reconciliation page and export show. */
export interface RefundRecordRow {
  outRefundNo: string;
  rmaNo: string;
  gatewayRefundId: string | null;
  /** Finance's bank-transfer or cash reference, for an offline refund. */
  offlineReference: string | null;
  kind: RefundKind;
  channel: RefundChannel;
  amountFen: number;
  status: RefundStatus;
  succeededAt: Date | null;
  createdAt: Date;
  createdBy: string | null;
}

const columns = {
  outRefundNo: refunds.outRefundNo,
  rmaNo: returnRequests.rmaNo,
  gatewayRefundId: refunds.gatewayRefundId,
  offlineReference: refunds.offlineReference,
  kind: refunds.kind,
  channel: refunds.channel,
  amountFen: refunds.amountFen,
  status: refunds.status,
  succeededAt: refunds.succeededAt,
  createdAt: refunds.createdAt,
  createdBy: staffUsers.name,
};

// The day a refund counts on (the expression of refunds_channel_day_idx, so the index serves the range).
const countsAt = sql`coalesce(${refunds.succeededAt}, ${refunds.createdAt})`;

/** One channel's refunds that count on a Beijing calendar day: paid that day, or started that day and not paid. */
export async function refundsForDay(db: Db, day: string, channel: RefundChannel): Promise<RefundRecordRow[]> {
  const { start, end } = beijingDayBounds(day);
  return db
    .select(columns)
    .from(refunds)
    .innerJoin(returnRequests, eq(returnRequests.id, refunds.requestId))
    .leftJoin(staffUsers, eq(staffUsers.id, refunds.createdBy))
    // An sql expression has no column type to map a Date through: the bounds go in as timestamptz text.
    .where(and(eq(refunds.channel, channel), sql`${countsAt} >= ${start.toISOString()}::timestamptz`, sql`${countsAt} < ${end.toISOString()}::timestamptz`))
    .orderBy(countsAt, refunds.outRefundNo);
}

/** Our refunds with these numbers, whatever their day (a statement names a refund we count on another day). */
export async function refundsByNumber(db: Db, outRefundNos: string[]): Promise<RefundRecordRow[]> {
  if (outRefundNos.length === 0) return [];
  return db
    .select(columns)
    .from(refunds)
    .innerJoin(returnRequests, eq(returnRequests.id, refunds.requestId))
    .leftJoin(staffUsers, eq(staffUsers.id, refunds.createdBy))
    .where(inArray(refunds.outRefundNo, outRefundNos));
}
