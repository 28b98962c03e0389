import type { TxSql } from "../../../db/client";
import type { ChainedEvent } from "../../domain/history";
import { queueEventNotifications } from "../../notifications/queue";
import { EVENT_COLUMNS, eventValues } from "../data/events";
import { ts } from "../data/values";

/**
 * Writes a change of holder and its history event in one statement, like recordStep does for
 * a decision, but without bumping `version`: the version guards a decision against acting on
 * stale content, and a hold changes no content (docs/decisions/009-staff-queue.md). The lock
 * and the last_event_seq check still order it with every other step on the request.
 */
export async function recordHold(
  sql: TxSql,
  step: { requestId: string; holderId: string | null; now: Date; event: ChainedEvent },
): Promise<void> {
  const { event: e } = step;
  const written = await sql`
    WITH updated AS (
      UPDATE return_requests SET
        holder_id = ${step.holderId}::uuid,
        held_at = CASE WHEN ${step.holderId}::uuid IS NULL THEN NULL ELSE ${ts(step.now)}::timestamptz END,
        last_event_seq = ${e.seq}, last_event_hash = ${e.hash}
      WHERE id = ${step.requestId} AND last_event_seq = ${e.seq - 1}
      RETURNING id
    )
    INSERT INTO return_events (${sql.unsafe(EVENT_COLUMNS)})
    SELECT updated.id, ${eventValues(sql, e)}
    FROM updated`;
  if (written.count !== 1) throw new Error(`request ${step.requestId} changed while locked`);
  // Integrators follow holds too (webhooks for every event; ADR 032).
  await queueEventNotifications(sql, { requestId: step.requestId, seq: e.seq });
}
