import type { ReturnStatus, StaffRole } from "./vocabulary";

/**
 * What happens when a stage's deadline passes (docs/product-rules.md "Deadlines",
 * docs/decisions/031-deadlines-as-jobs.md). Every status with a deadline has a rule; the policy
 * may override each one (`ApprovalPolicy.timeouts`), the rest come from DEFAULT_TIMEOUTS.
 */

/**
 * The statuses a deadline runs in: those of deadlineFor, plus `refunding`, which keeps the clock
 * of pending_refund (a refund stuck at the gateway is as late as one never started).
 */
export const TIMED_STATUSES = [
  "pending_cs_review",
  "pending_ops_review",
  "inspection_mismatch",
  "needs_info",
  "awaiting_shipment",
  "in_transit",
  "pending_refund_approval",
  "pending_refund",
  "refunding",
  "pending_replacement",
  "rejected",
] as const satisfies readonly ReturnStatus[];
export type TimedStatus = (typeof TIMED_STATUSES)[number];

/**
 * remind: tell the stage's role (an `overdue` event, status unchanged);
 * alert: tell the stage's role and the store manager (an `overdue` event, status unchanged);
 * escalate: customer service's review goes to operations (`escalate`);
 * auto_approve: approve as the platforms do after 48 h, up to an amount (system `approve`);
 * close: the customer did not act, the request closes and gives its items back (`expire`).
 */
export const TIMEOUT_ACTIONS = ["remind", "alert", "escalate", "auto_approve", "close"] as const;
export type TimeoutAction = (typeof TIMEOUT_ACTIONS)[number];

export interface TimeoutRule {
  action: TimeoutAction;
  /** auto_approve only: the largest requested refund (fen) approved unanswered; above it the review escalates. Unset: the bulk approval ceiling. */
  autoApproveMaxFen?: number;
  /** remind / alert: who is told. Unset: the stage's role (remind), plus the store manager (alert). */
  notifyRoles?: StaffRole[];
}

export type TimeoutRules = Partial<Record<TimedStatus, TimeoutRule>>;

/** The actions each status allows: only what the state machine can do there, as the system. */
export const ALLOWED_TIMEOUT_ACTIONS: Record<TimedStatus, readonly TimeoutAction[]> = {
  pending_cs_review: ["escalate", "auto_approve", "remind", "alert"],
  pending_ops_review: ["remind", "alert"],
  inspection_mismatch: ["remind", "alert"],
  needs_info: ["close", "remind"],
  awaiting_shipment: ["close", "remind"],
  in_transit: ["alert", "remind"],
  pending_refund_approval: ["alert", "remind"],
  pending_refund: ["alert", "remind"],
  refunding: ["alert", "remind"],
  pending_replacement: ["alert", "remind"],
  // The appeal window: nothing to remind anyone of, the customer simply did not appeal.
  rejected: ["close"],
};

/** The defaults of docs/product-rules.md. Auto-approve is a store manager's choice: never a default. */
export const DEFAULT_TIMEOUTS: Record<TimedStatus, TimeoutRule> = {
  pending_cs_review: { action: "escalate" },
  pending_ops_review: { action: "remind" },
  inspection_mismatch: { action: "remind" },
  needs_info: { action: "close" },
  awaiting_shipment: { action: "close" },
  in_transit: { action: "alert" },
  pending_refund_approval: { action: "alert" },
  pending_refund: { action: "alert" },
  refunding: { action: "alert" },
  pending_replacement: { action: "alert" },
  rejected: { action: "close" },
};

/** Who works the stage, and so is reminded when it is late (needs_info / awaiting_shipment / rejected: customer service, who answers the customer). */
export const STAGE_ROLE: Record<TimedStatus, StaffRole> = {
  pending_cs_review: "customer_service",
  pending_ops_review: "operations_manager",
  inspection_mismatch: "operations_manager",
  needs_info: "customer_service",
  awaiting_shipment: "customer_service",
  in_transit: "warehouse",
  pending_refund_approval: "finance",
  pending_refund: "finance",
  refunding: "finance",
  pending_replacement: "warehouse",
  rejected: "customer_service",
};

export const isTimedStatus = (status: ReturnStatus): status is TimedStatus => (TIMED_STATUSES as readonly ReturnStatus[]).includes(status);

/** The rule in force for a status: the policy's, if it is one the status allows, else the default. */
export function timeoutRule(status: TimedStatus, timeouts: TimeoutRules | undefined): TimeoutRule {
  const own = timeouts?.[status];
  return own && ALLOWED_TIMEOUT_ACTIONS[status].includes(own.action) ? own : DEFAULT_TIMEOUTS[status];
}

/**
 * Policies stored before per-stage rules had one setting, `csReviewTimeout`; "none" meant
 * nothing happened (the request stayed overdue, unseen). It reads as a reminder now.
 */
export function timeoutsFromLegacy(csReviewTimeout: unknown): TimeoutRules {
  return { ...DEFAULT_TIMEOUTS, ...(csReviewTimeout === "none" ? { pending_cs_review: { action: "remind" } } : {}) };
}

/** What a passed deadline does to a request. */
export type TimeoutOutcome =
  | { kind: "step"; action: "escalate" | "expire" }
  | { kind: "step"; action: "approve"; maxFen: number }
  | { kind: "overdue"; outcome: "remind" | "alert"; notifyRoles: StaffRole[] };

/**
 * The outcome of the rule for this request. Auto-approval above its amount escalates instead
 * (a review nobody answered must still reach someone).
 */
export function timeoutOutcome(status: TimedStatus, rule: TimeoutRule, request: { requestedRefundFen: number }, bulkApproveMaxFen: number): TimeoutOutcome {
  switch (rule.action) {
    case "escalate":
      return { kind: "step", action: "escalate" };
    case "close":
      return { kind: "step", action: "expire" };
    case "auto_approve": {
      const maxFen = rule.autoApproveMaxFen ?? bulkApproveMaxFen;
      return request.requestedRefundFen <= maxFen ? { kind: "step", action: "approve", maxFen } : { kind: "step", action: "escalate" };
    }
    case "remind":
    case "alert":
      return { kind: "overdue", outcome: rule.action, notifyRoles: notifyRolesFor(status, rule) };
  }
}

export function notifyRolesFor(status: TimedStatus, rule: TimeoutRule): StaffRole[] {
  if (rule.notifyRoles?.length) return [...new Set(rule.notifyRoles)];
  return rule.action === "alert" ? [...new Set<StaffRole>([STAGE_ROLE[status], "admin"])] : [STAGE_ROLE[status]];
}

/** The `changes` of an `overdue` event (the contract the notifications read). */
export interface OverdueChanges {
  stage: TimedStatus;
  deadlineAt: string;
  outcome: "remind" | "alert";
  notifyRoles: StaffRole[];
}
