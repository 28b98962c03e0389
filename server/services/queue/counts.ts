import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { OPEN_STATUSES_SQL } from "../../domain/open-statuses";
import { TERMINAL_STATUSES, type ReturnStatus, type StaffRole } from "../../domain/vocabulary";
import { needsAttentionSql } from "./refund-attention";
import { scopeStatuses } from "./scope";

export interface QueueCount {
  total: number;
  /** Deadline passed. */
  overdue: number;
  /** Deadline within the next 24 hours. */
  dueSoon: number;
}

const DUE_SOON_MS = 24 * 3_600_000;

/**
 * The navigation's numbers: open requests per status in one grouped query, summed to the
 * viewer's queue, with how many are overdue or due within 24 hours. The query reads only the
 * partial index of open requests (status, deadline_at), index-only: the open statuses are
 * written as the same literals as that index's predicate (OPEN_STATUSES_SQL), which the planner
 * needs to see that the index covers them. Through the queue index it was a bitmap heap scan of
 * every open row, ~0.7 s at a million requests (docs/benchmarks/queue.md).
 */
export async function queueCounts(db: DbOrTx, role: StaffRole, now = new Date()) {
  const rows = await db.execute<{ status: ReturnStatus; total: number; overdue: number; due_soon: number }>(sql`
    SELECT status,
           count(*)::int AS total,
           count(*) FILTER (WHERE deadline_at < ${now.toISOString()}::timestamptz)::int AS overdue,
           count(*) FILTER (WHERE deadline_at >= ${now.toISOString()}::timestamptz
                            AND deadline_at < ${new Date(now.getTime() + DUE_SOON_MS).toISOString()}::timestamptz)::int AS due_soon
    FROM return_requests
    WHERE status IN (${sql.raw(OPEN_STATUSES_SQL)})
    GROUP BY status`);
  const byStatus: Partial<Record<ReturnStatus, QueueCount>> = {};
  for (const r of rows) byStatus[r.status] = { total: Number(r.total), overdue: Number(r.overdue), dueSoon: Number(r.due_soon) };
  const mine = scopeStatuses(role).filter((s) => !TERMINAL_STATUSES.includes(s));
  const queue = mine.reduce<QueueCount>(
    (sum, s) => {
      const c = byStatus[s];
      return c ? { total: sum.total + c.total, overdue: sum.overdue + c.overdue, dueSoon: sum.dueSoon + c.dueSoon } : sum;
    },
    { total: 0, overdue: 0, dueSoon: 0 },
  );
  // Finance's "needs attention" count: its refund statuses only (few rows), each with its newest refund.
  let attention: number | null = null;
  if (role === "finance") {
    const [row] = await db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM return_requests r
      WHERE r.status IN ('pending_refund_approval', 'pending_refund', 'refunding') AND ${needsAttentionSql(now)}`);
    attention = Number(row?.n ?? 0);
  }
  return { queue, byStatus, attention };
}
