import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { refunds, returnEvents, returnRequests } from "../../db/schema";
import { AppError } from "../domain/errors";
import { verifyRequestHistory, type ChainedEvent, type RecordedRequest, type VerifyResult } from "../domain/history";

// Events are written together with the request row they belong to, which keeps the seq and
// hash of the newest one (return_requests.last_event_seq / last_event_hash): see
// data/submission.ts (insertSubmission) and data/request-steps.ts (recordStep).

export async function loadHistory(db: DbOrTx, requestId: string): Promise<ChainedEvent[]> {
  const rows = await db.select().from(returnEvents).where(eq(returnEvents.requestId, requestId)).orderBy(asc(returnEvents.seq));
  return rows.map(({ id: _id, redactedAt: _r, ...e }) => ({
    ...e,
    fromStatus: e.fromStatus ?? null,
    changes: e.changes ?? {},
  }));
}

/** The request row and its refund rows as stored: what the history is checked against. */
async function loadRecorded(db: DbOrTx, requestId: string): Promise<RecordedRequest | null> {
  const [row] = await db
    .select({
      status: returnRequests.status,
      requestedRefundFen: returnRequests.requestedRefundFen,
      approvedRefundFen: returnRequests.approvedRefundFen,
      lastEventSeq: returnRequests.lastEventSeq,
      lastEventHash: returnRequests.lastEventHash,
    })
    .from(returnRequests)
    .where(eq(returnRequests.id, requestId));
  if (!row) return null;
  const rows = await db.select({ id: refunds.id, amountFen: refunds.amountFen, status: refunds.status }).from(refunds).where(eq(refunds.requestId, requestId));
  return { ...row, refunds: rows };
}

/**
 * Verifies one request's history: the hash chain, its head against the request row, and the
 * row's status and money (and its refund row) against what the events say (domain/history.ts).
 * Events without their request (the row removed behind the foreign key's back) fail with
 * request_missing; an id that names nothing at all is not_found.
 */
export async function verifyHistory(db: DbOrTx, requestId: string): Promise<VerifyResult> {
  const recorded = await loadRecorded(db, requestId);
  const events = await loadHistory(db, requestId);
  if (!recorded) {
    if (events.length === 0) throw new AppError("not_found");
    return { ok: false, problem: "request_missing", field: "return_requests", history: events.length, row: null };
  }
  return verifyRequestHistory(recorded, events);
}
