import { sqlOf, type Db, type Tx } from "../../../db/client";
import { isAppError } from "../../domain/errors";
import { chain } from "../../domain/history";
import { deadlineOutcome } from "../../domain/policy";
import { isTimedStatus, type OverdueChanges } from "../../domain/timeouts";
import type { Action } from "../../domain/vocabulary";
import type { DeadlineFireJob } from "../../jobs/queues";
import { applyStep, type Actor } from "../act-on-request";
import { lockRequest, type LockedRequest } from "../data/request-steps";
import { withDbErrors } from "../pg-errors";
import { policyById } from "../policy-store";
import { handledSince, recordOverdue } from "./overdue-statement";

const SYSTEM: Actor = { type: "system", id: "system", role: "system" };

/** Why a deadline job changed nothing: it is stale, which is normal (the request moved on first). */
export type StaleReason = "gone" | "moved_on" | "deadline_moved" | "already_handled" | "no_deadline";

export type FireResult =
  | { outcome: "applied"; action: Action; requestId: string; version: number }
  | { outcome: "stale"; reason: StaleReason; requestId: string };

/**
 * A `deadline.fire` job: the deadline set by step `seq` of the request has passed. Under the
 * request's lock it acts only if that deadline is still the one running (same status, same
 * time, no status change and no firing since the step): a moved deadline has its own newer job,
 * and a duplicate or late job is a no-op returned as `stale` (pg-boss keeps it as the job's
 * output; it is not an error). What it does is the request policy's rule for the status
 * (server/domain/timeouts.ts), as the system actor, recorded like every step.
 * `now` is the clock the step is recorded at (tests pass their own).
 */
export async function fireDeadline(db: Db, job: DeadlineFireJob, now = new Date()): Promise<FireResult> {
  return withDbErrors(() =>
    db.transaction(async (tx): Promise<FireResult> => {
      const sql = sqlOf(tx);
      const stale = (reason: StaleReason): FireResult => ({ outcome: "stale", reason, requestId: job.requestId });
      const req = await lockRequest(sql, job.requestId, null);
      if (!req) return stale("gone");
      if (req.status !== job.status || !isTimedStatus(req.status)) return stale("moved_on");
      if (req.deadlineAt?.getTime() !== Date.parse(job.deadlineAt)) return stale("deadline_moved");
      if (await handledSince(sql, req.id, job.seq)) return stale("already_handled");

      const outcome = deadlineOutcome(req.status, (await policyById(tx, req.policyId)).policy, req);
      if (!outcome) return stale("no_deadline");
      const deadlineAt = req.deadlineAt.toISOString();
      if (outcome.kind === "overdue") {
        await writeOverdue(tx, req, { stage: req.status, deadlineAt, outcome: outcome.outcome, notifyRoles: outcome.notifyRoles }, now);
        return { outcome: "applied", action: "overdue", requestId: req.id, version: req.version };
      }
      if (outcome.action === "approve") {
        // Approving may be refused where a person would be too (an exchange whose replacement ran
        // out): the review then escalates, as it would without auto-approval. A savepoint keeps
        // whatever the refused approval wrote out of the escalation.
        try {
          const done = await tx.transaction((inner) =>
            applyStep(inner, SYSTEM, { requestId: req.id, expectedVersion: req.version, action: "approve", effect: async () => ({ changes: { auto: "deadline", deadlineAt, autoApproveMaxFen: outcome.maxFen } }) }, now),
          );
          return { outcome: "applied", action: "approve", requestId: req.id, version: done.version };
        } catch (e) {
          if (!isAppError(e)) throw e;
          const done = await step(tx, req, "escalate", { deadlineAt, autoApproveRefused: e.code }, now);
          return { outcome: "applied", action: "escalate", requestId: req.id, version: done.version };
        }
      }
      const done = await step(tx, req, outcome.action, { deadlineAt }, now);
      return { outcome: "applied", action: outcome.action, requestId: req.id, version: done.version };
    }),
  );
}

function step(tx: Tx, req: LockedRequest, action: "escalate" | "expire", changes: Record<string, unknown>, now: Date) {
  return applyStep(tx, SYSTEM, { requestId: req.id, expectedVersion: req.version, action, effect: async () => ({ changes }) }, now);
}

async function writeOverdue(tx: Tx, req: LockedRequest, changes: OverdueChanges, now: Date): Promise<void> {
  const event = chain(
    {
      requestId: req.id,
      seq: req.lastEventSeq + 1,
      actorType: "system",
      actorId: null,
      role: "system",
      action: "overdue",
      fromStatus: req.status,
      toStatus: req.status,
      reasonCode: null,
      comment: null,
      changes: { ...changes },
      createdAt: now,
    },
    req.lastEventHash,
  );
  await recordOverdue(sqlOf(tx), { requestId: req.id, event });
}
