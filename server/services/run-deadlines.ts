import { and, asc, inArray, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { returnRequests } from "../../db/schema";
import { isAppError } from "../domain/errors";
import { timeoutAction } from "../domain/policy";
import type { ReturnStatus } from "../domain/vocabulary";
import { actOnRequest } from "./act-on-request";
import { policyById } from "./policy-store";

/** Statuses whose deadline can change state; the others only alert staff (notifications work). */
const TIMED_STATUSES: ReturnStatus[] = ["pending_cs_review", "needs_info", "awaiting_shipment", "rejected"];

export interface DeadlineRun {
  escalated: number;
  expired: number;
  skipped: number;
}

/**
 * Applies what the policy says to requests past their deadline, as the system actor, each in
 * its own transaction through the state machine (so it is recorded like any other step).
 * Safe to run from several workers at once: the version check lets exactly one win per request.
 */
export async function runDeadlines(db: Db, now = new Date(), batch = 200): Promise<DeadlineRun> {
  const due = await db
    .select({ id: returnRequests.id, status: returnRequests.status, policyId: returnRequests.policyId, version: returnRequests.version })
    .from(returnRequests)
    .where(and(lt(returnRequests.deadlineAt, now), inArray(returnRequests.status, TIMED_STATUSES)))
    .orderBy(asc(returnRequests.deadlineAt))
    .limit(batch);
  const run: DeadlineRun = { escalated: 0, expired: 0, skipped: 0 };
  for (const r of due) {
    const action = timeoutAction(r.status, (await policyById(db, r.policyId)).policy);
    if (!action) {
      run.skipped++;
      continue;
    }
    try {
      await actOnRequest(db, { type: "system", id: "system", role: "system" }, { requestId: r.id, expectedVersion: r.version, action, comment: null }, now);
      run[action === "escalate" ? "escalated" : "expired"]++;
    } catch (e) {
      // Someone acted on it since we read it: their step stands, the next run looks again.
      if (isAppError(e) && (e.code === "version_conflict" || e.code === "invalid_transition")) run.skipped++;
      else throw e;
    }
  }
  return run;
}
