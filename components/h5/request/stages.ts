import { STAGE_ENTRY_STATUS } from "@/server/domain/route";
import { STAGES, type ReturnStatus, type Stage } from "@/server/domain/vocabulary";
import type { CustomerRequest } from "./types";

const STATUS_STAGE = Object.fromEntries(Object.entries(STAGE_ENTRY_STATUS).map(([stage, status]) => [status, stage])) as Partial<Record<ReturnStatus, Stage>>;
STATUS_STAGE.inspection_mismatch = "warehouse_inspection";
STATUS_STAGE.refunding = "refund";

export interface StageView {
  stage: Stage;
  state: "done" | "current" | "stopped" | "todo";
}

/**
 * The route's stages with where the request is now. Side paths (needs more information,
 * rejected) stay on the stage that sent them there, read from the last such event.
 */
export function stageViews(req: Pick<CustomerRequest, "status" | "stages" | "timeline">): { stages: StageView[]; finished: boolean } {
  let current: Stage | undefined = STATUS_STAGE[req.status];
  const sidePath = req.status === "needs_info" || req.status === "rejected" || req.status === "cancelled" || req.status === "closed";
  if (sidePath) {
    const from = [...req.timeline].reverse().find((e) => e.toStatus === req.status)?.fromStatus;
    current = from ? STATUS_STAGE[from] : undefined;
  }
  const finished = req.status === "completed";
  // An appeal or an escalation brings in operations review even when the route had none.
  const stages = STAGES.filter((s) => req.stages.includes(s) || s === current);
  const at = current ? stages.indexOf(current) : finished ? stages.length : -1;
  return {
    finished,
    stages: stages.map((stage, i) => ({
      stage,
      state: finished || (at >= 0 && i < at) ? "done" : i === at ? (req.status === "cancelled" || req.status === "closed" || req.status === "rejected" ? "stopped" : "current") : "todo",
    })),
  };
}
