import { normaliseStages, STAGE_ENTRY_STATUS, type Route } from "../../domain/route";
import type { Action, ReturnStatus, Stage } from "../../domain/vocabulary";

/**
 * The route as the screen draws it: each stage with its state and who acted on it, derived from
 * the history alone (the request row only knows where it is now, not who brought it there).
 * Plain functions: no database here.
 */

export type StageState = "done" | "rejected" | "current" | "upcoming" | "skipped";

export interface ProgressEvent {
  seq: number;
  action: Action;
  fromStatus: ReturnStatus | null;
  toStatus: ReturnStatus;
  actorName: string | null;
  role: string;
  createdAt: Date;
}

export interface StageProgress {
  stage: Stage;
  state: StageState;
  /** Everyone who acted on this stage, oldest first (an appeal reviews ops_review twice). */
  actors: { name: string | null; role: string; action: Action; at: Date }[];
}

/** The stage an event acted on, and what it meant for that stage (null: not decisive). */
function stageOfEvent(e: ProgressEvent): { stage: Stage; outcome: "done" | "rejected" | "skipped" | null } | null {
  switch (e.action) {
    case "approve":
    case "reject":
    case "request_info": {
      const outcome = e.action === "approve" ? "done" : e.action === "reject" ? "rejected" : null;
      if (e.fromStatus === "pending_cs_review") return { stage: "cs_review", outcome };
      if (e.fromStatus === "pending_ops_review") return { stage: "ops_review", outcome };
      if (e.fromStatus === "inspection_mismatch") return { stage: "warehouse_inspection", outcome };
      return null;
    }
    case "escalate":
      return { stage: "cs_review", outcome: "skipped" };
    case "ship":
      return { stage: "customer_shipment", outcome: "done" };
    case "receive":
      // A mismatch leaves the inspection open until operations decides it.
      return { stage: "warehouse_inspection", outcome: e.toStatus === "inspection_mismatch" ? null : "done" };
    case "accept_full":
    case "accept_partial":
      return { stage: "warehouse_inspection", outcome: "done" };
    case "approve_refund":
      return { stage: "refund_approval", outcome: "done" };
    case "refund":
    case "refund_failed":
    case "retry_refund":
      return { stage: "refund", outcome: null };
    case "refund_succeeded":
    case "record_offline_refund":
      return { stage: "refund", outcome: "done" };
    case "ship_replacement":
      return { stage: "replacement", outcome: "done" };
    default:
      return null;
  }
}

/** The stage a request in `status` is waiting on, if any. */
export function currentStage(status: ReturnStatus, infoReturnStatus: ReturnStatus | null): Stage | null {
  if (status === "needs_info") return infoReturnStatus ? currentStage(infoReturnStatus, null) : "cs_review";
  if (status === "inspection_mismatch") return "warehouse_inspection";
  if (status === "refunding") return "refund";
  const entry = (Object.entries(STAGE_ENTRY_STATUS) as [Stage, ReturnStatus][]).find(([, s]) => s === status);
  return entry ? entry[0] : null;
}

const FINISHED: readonly ReturnStatus[] = ["completed", "cancelled", "closed", "rejected"];

export function stageProgress(
  req: { status: ReturnStatus; infoReturnStatus: ReturnStatus | null; route: Pick<Route, "stages"> },
  events: readonly ProgressEvent[],
): StageProgress[] {
  const current = currentStage(req.status, req.infoReturnStatus);
  const actors = new Map<Stage, StageProgress["actors"]>();
  const outcome = new Map<Stage, "done" | "rejected" | "skipped">();
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const hit = stageOfEvent(e);
    if (!hit) continue;
    actors.set(hit.stage, [...(actors.get(hit.stage) ?? []), { name: e.actorName, role: e.role, action: e.action, at: e.createdAt }]);
    if (hit.outcome) outcome.set(hit.stage, hit.outcome);
  }
  // Appeals and escalations add operations review to routes that had none: show it where it happened.
  const stages = normaliseStages([...req.route.stages, ...actors.keys(), ...(current ? [current] : [])]);
  return stages.map((stage) => {
    const state: StageState =
      stage === current ? "current" : (outcome.get(stage) ?? (FINISHED.includes(req.status) ? "skipped" : "upcoming"));
    return { stage, state, actors: actors.get(stage) ?? [] };
  });
}
