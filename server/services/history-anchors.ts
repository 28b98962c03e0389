import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { checkAnchor, makeAnchor, type AnchorCheck, type ChainHead, type HistoryAnchor } from "../domain/history-anchor";

/**
 * The chain head of every request, read from the events themselves (not from the request row's
 * copy, which verifyHistory checks separately).
 */
export async function chainHeads(db: DbOrTx): Promise<ChainHead[]> {
  const rows = await db.execute<{ request_id: string; seq: number; hash: string }>(sql`
    SELECT DISTINCT ON (request_id) request_id, seq, hash
    FROM return_events ORDER BY request_id, seq DESC`);
  return rows.map((r) => ({ requestId: r.request_id, seq: r.seq, hash: r.hash }));
}

/** Today's anchor (UTC day) of every chain head, signed with `key`. */
export async function anchorHistories(db: DbOrTx, key: string, now = new Date()): Promise<HistoryAnchor> {
  return makeAnchor(now.toISOString().slice(0, 10), await chainHeads(db), key, now);
}

/** Checks an anchor against the events stored now (see checkAnchor). */
export async function checkHistoryAnchor(db: DbOrTx, anchor: HistoryAnchor, key: string): Promise<AnchorCheck> {
  const wanted = JSON.stringify(anchor.heads.map((h) => ({ request_id: h.requestId, seq: h.seq })));
  const rows = await db.execute<{ request_id: string; seq: number; hash: string }>(sql`
    SELECT e.request_id, e.seq, e.hash
    FROM jsonb_to_recordset(${wanted}::jsonb) AS a(request_id uuid, seq int)
    JOIN return_events e ON e.request_id = a.request_id AND e.seq = a.seq`);
  const found = new Map(rows.map((r) => [`${r.request_id}:${r.seq}`, r.hash]));
  return checkAnchor(anchor, key, (requestId, seq) => found.get(`${requestId}:${seq}`));
}
