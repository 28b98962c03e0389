import type { TxSql } from "../../../db/client";
import type { ChainedEvent } from "../../domain/history";
import { EVENT_COLUMNS, eventValues } from "../data/events";

/**
 * Writes an `overdue` event (a deadline passed and staff are told; nothing else changes) with
 * the request's last event, WITHOUT bumping `version`: the version guards a decision against
 * stale content, and a reminder changes no content, so staff with the request open are not
 * sent back with a version conflict by a robot (docs/decisions/031-deadlines-as-jobs.md; the
 * same reasoning as a hold, decision 009). The lock and the last_event_seq check order it.
 */
export async function recordOverdue(sql: TxSql, step: { requestId: string; event: ChainedEvent }): Promise<void> {
  const { event: e } = step;
  const written = await sql`
    WITH updated AS (
      UPDATE return_requests SET last_event_seq = ${e.seq}, last_event_hash = ${e.hash}
      WHERE id = ${step.requestId} AND last_event_seq = ${e.seq - 1}
      RETURNING id
    )
    INSERT INTO return_events (${sql.unsafe(EVENT_COLUMNS)})
    SELECT updated.id, ${eventValues(sql, e)}
    FROM updated`;
  if (written.count !== 1) throw new Error(`request ${step.requestId} changed while locked`);
}

/**
 * Whether the deadline set by event `seq` is over already: since that step, the request changed
 * status (its stage ended; a later stage has its own job) or the deadline fired (an `overdue`
 * event). Read under the request's lock, by (request_id, seq).
 */
export async function handledSince(sql: TxSql, requestId: string, seq: number): Promise<boolean> {
  const [row] = await sql<{ handled: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM return_events
      WHERE request_id = ${requestId} AND seq > ${seq}
        AND (action = 'overdue' OR from_status IS DISTINCT FROM to_status)
    ) AS handled`;
  return row!.handled;
}
