import { asc, desc, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client";
import { returnEvents } from "../../db/schema";
import { chain, GENESIS_HASH, verifyChain, type ChainedEvent, type HistoryEvent, type VerifyResult } from "../domain/history";

export type NewEvent = Omit<HistoryEvent, "seq" | "requestId" | "createdAt">;

/**
 * Appends one event to a request's history. Call it inside the transaction that changes the
 * request and after locking the request row, so seq and the hash chain cannot fork.
 */
export async function appendEvent(tx: Tx, requestId: string, event: NewEvent, now: Date): Promise<ChainedEvent> {
  const [last] = await tx
    .select({ seq: returnEvents.seq, hash: returnEvents.hash })
    .from(returnEvents)
    .where(eq(returnEvents.requestId, requestId))
    .orderBy(desc(returnEvents.seq))
    .limit(1);
  const chained = chain({ ...event, requestId, seq: (last?.seq ?? 0) + 1, createdAt: now }, last?.hash ?? GENESIS_HASH);
  await tx.insert(returnEvents).values(chained);
  return chained;
}

export async function loadHistory(db: DbOrTx, requestId: string): Promise<ChainedEvent[]> {
  const rows = await db.select().from(returnEvents).where(eq(returnEvents.requestId, requestId)).orderBy(asc(returnEvents.seq));
  return rows.map(({ id: _id, ...e }) => ({
    ...e,
    fromStatus: e.fromStatus ?? null,
    changes: e.changes ?? {},
  }));
}

export async function verifyHistory(db: DbOrTx, requestId: string): Promise<VerifyResult> {
  return verifyChain(await loadHistory(db, requestId));
}
