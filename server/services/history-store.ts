import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { returnEvents } from "../../db/schema";
import { verifyChain, type ChainedEvent, type VerifyResult } from "../domain/history";

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

export async function verifyHistory(db: DbOrTx, requestId: string): Promise<VerifyResult> {
  return verifyChain(await loadHistory(db, requestId));
}
