import type { PendingQuery, Row } from "postgres";
import type { TxSql } from "../../../db/client";
import type { ChainedEvent } from "../../domain/history";
import { jsonText, ts } from "./values";

/**
 * A history event as the tail of `INSERT INTO return_events … SELECT <request id>, <this> FROM …`,
 * for statements that write the event together with the request row it belongs to. The casts
 * are needed: in INSERT … SELECT, PostgreSQL types the parameters before it sees the columns.
 */
export const EVENT_COLUMNS = "request_id, seq, actor_type, actor_id, role, action, from_status, to_status, reason_code, comment, changes, created_at, prev_hash, hash";

export function eventValues(sql: TxSql, e: ChainedEvent): PendingQuery<Row[]> {
  return sql`${e.seq}::int, ${e.actorType}::actor_type, ${e.actorId}::text, ${e.role}::text, ${e.action}::return_action,
    ${e.fromStatus}::return_status, ${e.toStatus}::return_status, ${e.reasonCode}::text, ${e.comment}::text,
    ${jsonText(e.changes)}::jsonb, ${ts(e.createdAt)}::timestamptz, ${e.prevHash}::text, ${e.hash}::text`;
}
