import { STAGES, type ReturnStatus, type Stage } from "./vocabulary";

/** The stages a request passes through, decided once at submission and stored on the request. */
export interface Route {
  stages: Stage[];
  /** Ids of the policy rules that added stages, so staff can see why a request went this way. */
  matchedRules: string[];
  /**
   * Set when the request was routed together with other requests of the same order or customer
   * (decideRouteOverSplits) and that added a stage it would not get alone: how many requests and
   * how much they came to, counted with this one. Absent on routes stored before it existed.
   */
  counted?: { requests: number; amountFen: number };
}

/** The status a request sits in while it waits for a stage. */
export const STAGE_ENTRY_STATUS: Record<Stage, ReturnStatus> = {
  cs_review: "pending_cs_review",
  ops_review: "pending_ops_review",
  customer_shipment: "awaiting_shipment",
  warehouse_inspection: "in_transit",
  refund_approval: "pending_refund_approval",
  refund: "pending_refund",
  replacement: "pending_replacement",
};

/**
 * The status after `stage` is done: the entry status of the route's next stage, or completed.
 * `stage` need not be on the route: an appeal or an escalation sends a request to operations
 * review even when its route had none, and afterwards it goes on where the route goes on.
 */
export function statusAfter(route: Route, stage: Stage): ReturnStatus {
  const position = STAGES.indexOf(stage);
  const next = route.stages.find((s) => STAGES.indexOf(s) > position);
  return next ? STAGE_ENTRY_STATUS[next] : "completed";
}

export function firstStatus(route: Route): ReturnStatus {
  const first = route.stages[0];
  return first ? STAGE_ENTRY_STATUS[first] : "completed";
}

/** Keeps stages in canonical order without duplicates. */
export function normaliseStages(stages: Iterable<Stage>): Stage[] {
  const set = new Set(stages);
  return STAGES.filter((s) => set.has(s));
}

/**
 * Whether a request in `status` holds its items: open and finished requests do; rejected,
 * cancelled and closed ones give them back, so the customer can file again (an appeal takes
 * them once more).
 */
export function holdsItems(status: ReturnStatus): boolean {
  return status !== "rejected" && status !== "cancelled" && status !== "closed";
}
