import { eq } from "drizzle-orm";
import { sqlOf, type Db, type Tx } from "../../../db/client";
import { staffUsers } from "../../../db/schema";
import { AppError } from "../../domain/errors";
import { chain } from "../../domain/history";
import { assertAssignable, claimOutcome, releaseOutcome, type StaffActor } from "../../domain/holding";
import type { Action } from "../../domain/vocabulary";
import { lockRequest, type LockedRequest } from "../data/request-steps";
import { recordHold } from "./hold-statement";

export interface HoldResult {
  id: string;
  holderId: string | null;
  /** False when nothing changed (claiming what one holds, releasing what nobody holds): no event. */
  changed: boolean;
}

/**
 * One change of holder: lock the request, let `decide` apply the rule (it returns the new
 * holder, or undefined for "no change"), write the holder and its event together.
 */
async function changeHolder(
  db: Db,
  actor: StaffActor,
  requestId: string,
  action: Action,
  decide: (req: LockedRequest, tx: Tx) => Promise<string | null | undefined>,
  now: Date,
): Promise<HoldResult> {
  return db.transaction(async (tx) => {
    const sql = sqlOf(tx);
    const req = await lockRequest(sql, requestId, null);
    if (!req) throw new AppError("not_found");
    const holderId = await decide(req, tx);
    if (holderId === undefined) return { id: req.id, holderId: req.holderId, changed: false };
    const event = chain(
      {
        requestId: req.id,
        seq: req.lastEventSeq + 1,
        actorType: "staff",
        actorId: actor.id,
        role: actor.role,
        action,
        fromStatus: req.status,
        toStatus: req.status,
        reasonCode: null,
        comment: null,
        changes: { holderId, previousHolderId: req.holderId },
        createdAt: now,
      },
      req.lastEventHash,
    );
    await recordHold(sql, { requestId: req.id, holderId, now, event });
    return { id: req.id, holderId, changed: true };
  });
}

/** A staff member takes an unheld request of their queue. Two at once: the row lock lets one win, the other is told it is held. */
export function claimRequest(db: Db, actor: StaffActor, requestId: string, now = new Date()) {
  return changeHolder(db, actor, requestId, "claim", async (req) => (claimOutcome(req, actor) === "hold" ? actor.id : undefined), now);
}

/** The holder (or the store manager) gives the request back to the queue. */
export function releaseRequest(db: Db, actor: StaffActor, requestId: string, now = new Date()) {
  return changeHolder(db, actor, requestId, "release", async (req) => (releaseOutcome(req, actor) === "free" ? null : undefined), now);
}

/** The store manager hands an open request to a staff member whose role works on its status. */
export function assignRequest(db: Db, actor: StaffActor, requestId: string, staffId: string, now = new Date()) {
  return changeHolder(
    db,
    actor,
    requestId,
    "assign",
    async (req, tx) => {
      const [assignee] = await tx.select({ role: staffUsers.role, active: staffUsers.active }).from(staffUsers).where(eq(staffUsers.id, staffId));
      if (!assignee) throw new AppError("not_found");
      assertAssignable(req, actor, assignee);
      return req.holderId === staffId ? undefined : staffId;
    },
    now,
  );
}
