import type postgres from "postgres";
import { bossOver } from "../../jobs/boss";
import { QUEUES, type DeadlineFireJob } from "../../jobs/queues";
import { TIMED_STATUSES } from "../../domain/timeouts";
import { deadlineJobId } from "./schedule";

const BATCH = 500;

/**
 * Gives every open request whose deadline runs without a `deadline.fire` job its job: requests
 * from before deadlines were jobs, and any whose job was lost (deleted by hand, or dropped by
 * pg-boss after two weeks unrun while no worker ran). Run at every worker start; idempotent and
 * safe from several workers at once: the job id derives from the request and the step that set
 * the deadline (the last status change), so a job already there is found and a racing insert is
 * a conflict pg-boss ignores. Past deadlines run at once. A deadline that fired (an `overdue`
 * event after that step) needs no job. Returns how many jobs were queued.
 */
export async function armMissingDeadlines(sql: postgres.Sql): Promise<number> {
  const rows = await sql<{ requestId: string; status: string; deadlineAt: Date; seq: number }[]>`
    SELECT r.id AS "requestId", r.status, r.deadline_at AS "deadlineAt", armed.seq
    FROM return_requests r
    CROSS JOIN LATERAL (
      SELECT e.seq FROM return_events e
      WHERE e.request_id = r.id AND e.from_status IS DISTINCT FROM e.to_status
      ORDER BY e.seq DESC LIMIT 1
    ) armed
    WHERE r.deadline_at IS NOT NULL AND r.status::text = ANY(${[...TIMED_STATUSES]}::text[])
      AND NOT EXISTS (SELECT 1 FROM return_events o WHERE o.request_id = r.id AND o.seq > armed.seq AND o.action = 'overdue')
      AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = ${QUEUES.deadlineFire} AND j.id = md5(r.id::text || ':' || armed.seq)::uuid)`;
  const boss = bossOver(sql);
  for (let i = 0; i < rows.length; i += BATCH) {
    const jobs = rows.slice(i, i + BATCH).map((r) => {
      const deadlineAt = new Date(r.deadlineAt);
      const data: DeadlineFireJob = { requestId: r.requestId, seq: r.seq, status: r.status, deadlineAt: deadlineAt.toISOString() };
      return { id: deadlineJobId(r.requestId, r.seq), data, startAfter: deadlineAt };
    });
    await boss.insert(QUEUES.deadlineFire, jobs);
  }
  return rows.length;
}
