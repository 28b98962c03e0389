import { createHash } from "node:crypto";
import type { TxSql } from "../../../db/client";
import { enqueueWithin } from "../../jobs/boss";
import { QUEUES, type DeadlineFireJob } from "../../jobs/queues";
import type { ReturnStatus } from "../../domain/vocabulary";

/**
 * The job id of one deadline: derived from the request and the step that set it, so queueing the
 * same deadline twice (a worker-start backfill racing a step, two workers starting) is one job
 * (pg-boss inserts ON CONFLICT DO NOTHING on its primary key). The same as PostgreSQL's
 * `md5(request_id || ':' || seq)::uuid`, which the backfill uses (./backfill.ts).
 */
export function deadlineJobId(requestId: string, seq: number): string {
  const h = createHash("md5").update(`${requestId}:${seq}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Queues the `deadline.fire` job of a deadline a step just set, in the step's transaction: the
 * job exists if and only if the step commits, and runs when the deadline passes.
 */
export async function scheduleDeadline(tx: TxSql, d: { requestId: string; seq: number; status: ReturnStatus; deadlineAt: Date }): Promise<void> {
  const data: DeadlineFireJob = { requestId: d.requestId, seq: d.seq, status: d.status, deadlineAt: d.deadlineAt.toISOString() };
  await enqueueWithin(tx, QUEUES.deadlineFire, data, { id: deadlineJobId(d.requestId, d.seq), startAfter: d.deadlineAt });
}

/** Whether a step started a new deadline: it entered another status with one, or moved it. */
export function startsDeadline(step: { from: ReturnStatus; to: ReturnStatus; before: Date | null; after: Date | null }): step is typeof step & { after: Date } {
  if (!step.after) return false;
  return step.from !== step.to || step.before?.getTime() !== step.after.getTime();
}
