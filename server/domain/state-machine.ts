import { AppError } from "./errors";
import { DEFAULT_EXCHANGE_OUT_OF_STOCK, type ExchangeOutOfStock } from "./exchange-out-of-stock";
import { assertMayDecide } from "./hold-guard";
import { statusAfter, type Route } from "./route";
import type { Action, ActorRole, ReturnStatus, ReturnType, Stage, StaffRole } from "./vocabulary";

/** What the state machine needs to know about a request. */
export interface RequestState {
  status: ReturnStatus;
  type: ReturnType;
  route: Route;
  /** The review status a needs_info request goes back to. */
  infoReturnStatus: ReturnStatus | null;
  appealUsed: boolean;
  /** Finance user who gave the first of two refund approvals (four-eyes). */
  refundApprovedBy: string | null;
  /** The warehouse has the parcel: no more cancelling, and no shipping stages to come back to. */
  goodsReceived: boolean;
  /** The staff user who claimed the request; other staff may not decide it (see holding.ts). */
  holderId?: string | null;
  /** Exchange: a line's replacement has no reservation and too few free units (convert_to_refund, decision 030). */
  replacementShort?: boolean;
  /** Exchange: who may convert it to a refund then, by the request's policy. Unset: the customer. */
  exchangeOutOfStock?: ExchangeOutOfStock;
}

export interface Command {
  action: Action;
  role: ActorRole;
  /** Staff user id, customer id, or "system". Used by the four-eyes rule. */
  actorId: string;
  /** For `receive`: whether what arrived matches what was declared. */
  inspectionMatches?: boolean;
}

/** The outcome of an allowed command: the next status plus the fields the command changes. */
export interface Transition {
  from: ReturnStatus;
  to: ReturnStatus;
  changes: Partial<Pick<RequestState, "infoReturnStatus" | "appealUsed" | "refundApprovedBy" | "goodsReceived">>;
}

interface Rule {
  roles: readonly ActorRole[];
  next: (req: RequestState, cmd: Command) => Pick<Transition, "to" | "changes">;
}

const GOODS_STAGES: readonly Stage[] = ["customer_shipment", "warehouse_inspection"];

/**
 * The route still ahead of a request. Once the parcel is in the warehouse (e.g. an appeal upheld
 * after an inspection), the shipping stages are behind it for good.
 */
const remainingRoute = (req: RequestState): Route =>
  req.goodsReceived ? { ...req.route, stages: req.route.stages.filter((s) => !GOODS_STAGES.includes(s)) } : req.route;

const to = (status: ReturnStatus) => () => ({ to: status, changes: {} });
const after = (stage: Stage) => (req: RequestState) => ({ to: statusAfter(remainingRoute(req), stage), changes: {} });
const askInfo = (req: RequestState) => ({ to: "needs_info" as const, changes: { infoReturnStatus: req.status } });
const inspect = (req: RequestState, cmd: Command) => {
  if (cmd.inspectionMatches === undefined) throw new AppError("missing_field", { field: "inspectionMatches" });
  const received = { ...req, goodsReceived: true };
  return cmd.inspectionMatches
    ? { to: statusAfter(remainingRoute(received), "warehouse_inspection"), changes: { goodsReceived: true } }
    : { to: "inspection_mismatch" as const, changes: { goodsReceived: true } };
};

/**
 * Finance lowers the amount before paying it. A change after the first of two signatures
 * (four-eyes) takes that signature back: the request returns to the approval with nobody's
 * signature on it, so both signers have seen the amount that is paid.
 */
const lowerRefund = (req: RequestState) =>
  req.refundApprovedBy !== null && req.route.stages.includes("refund_approval")
    ? { to: "pending_refund_approval" as const, changes: { refundApprovedBy: null } }
    : { to: req.status, changes: {} };

/** Money leaves only by someone other than the first of two finance signers (four-eyes). */
const secondSigner = (status: ReturnStatus) => (req: RequestState, cmd: Command) => {
  if (req.route.stages.includes("refund_approval") && req.refundApprovedBy === cmd.actorId) throw new AppError("four_eyes_required");
  return { to: status, changes: {} };
};

/**
 * An exchange whose replacement ran out becomes a return with refund, in place (same status);
 * the policy says whether the customer or the reviewing staff decide (decision 030).
 */
const convertToRefund = (req: RequestState, cmd: Command) => {
  if (req.type !== "exchange") throw new AppError("invalid_transition", { action: cmd.action, status: req.status });
  if (!req.replacementShort) throw new AppError("replacement_in_stock");
  const customerDecides = (req.exchangeOutOfStock ?? DEFAULT_EXCHANGE_OUT_OF_STOCK) === "customer_chooses";
  if ((cmd.role === "customer") !== customerDecides) throw new AppError("role_not_allowed", { action: cmd.action, status: req.status, role: cmd.role });
  return { to: req.status, changes: {} };
};

const CS: readonly ActorRole[] = ["customer_service"];
const OPS: readonly ActorRole[] = ["operations_manager"];
const CUSTOMER: readonly ActorRole[] = ["customer"];
const WAREHOUSE: readonly ActorRole[] = ["warehouse"];
const FINANCE: readonly ActorRole[] = ["finance"];
const SYSTEM: readonly ActorRole[] = ["system"];

/** docs/product-rules.md: a customer may cancel only before the parcel is received. */
const cancel: Rule = {
  roles: CUSTOMER,
  next: (req) => {
    if (req.goodsReceived) throw new AppError("cancel_after_receipt");
    return { to: "cancelled", changes: {} };
  },
};
const expire: Rule = { roles: SYSTEM, next: to("closed") };
/**
 * A parcel recorded (or an unmatched parcel linked): the goods are at the warehouse, so cancelling
 * is over, and a request still awaiting shipment is on its way (in_transit has no expiry that
 * would close it with goods on the shelf). The receipt closes with `receive` (decision 028).
 */
const receiving: Rule = { roles: WAREHOUSE, next: () => ({ to: "in_transit", changes: { goodsReceived: true } }) };

/**
 * The lifecycle of docs/product-rules.md as a table: status → action → who may do it and where it leads.
 * Anything not in the table is refused.
 */
export const TRANSITIONS: Record<ReturnStatus, Partial<Record<Action, Rule>>> = {
  pending_cs_review: {
    // The system approves only when the policy's deadline rule says so (auto_approve, server/domain/timeouts.ts).
    approve: { roles: [...CS, ...SYSTEM], next: after("cs_review") },
    reject: { roles: CS, next: to("rejected") },
    request_info: { roles: CS, next: askInfo },
    cancel,
    escalate: { roles: SYSTEM, next: to("pending_ops_review") },
    convert_to_refund: { roles: [...CUSTOMER, ...CS], next: convertToRefund },
  },
  pending_ops_review: {
    approve: { roles: OPS, next: after("ops_review") },
    reject: { roles: OPS, next: to("rejected") },
    request_info: { roles: OPS, next: askInfo },
    cancel,
    convert_to_refund: { roles: [...CUSTOMER, ...OPS], next: convertToRefund },
  },
  needs_info: {
    provide_info: {
      roles: CUSTOMER,
      next: (req) => ({ to: req.infoReturnStatus ?? "pending_cs_review", changes: { infoReturnStatus: null } }),
    },
    cancel,
    expire,
    convert_to_refund: { roles: CUSTOMER, next: convertToRefund },
  },
  rejected: {
    appeal: {
      roles: CUSTOMER,
      next: (req) => {
        if (req.appealUsed) throw new AppError("appeal_already_used");
        return { to: "pending_ops_review", changes: { appealUsed: true } };
      },
    },
    expire,
  },
  awaiting_shipment: {
    ship: { roles: CUSTOMER, next: after("customer_shipment") },
    // A parcel can arrive before the customer typed the tracking number.
    receive: { roles: WAREHOUSE, next: inspect },
    record_parcel: receiving,
    link_parcel: receiving,
    cancel,
    expire,
  },
  in_transit: {
    receive: { roles: WAREHOUSE, next: inspect },
    record_parcel: receiving,
    link_parcel: receiving,
    cancel,
  },
  inspection_mismatch: {
    accept_full: { roles: OPS, next: after("warehouse_inspection") },
    accept_partial: {
      roles: OPS,
      next: (req) => {
        if (req.type === "exchange") throw new AppError("partial_not_allowed");
        return after("warehouse_inspection")(req);
      },
    },
    reject: { roles: OPS, next: to("rejected") },
  },
  pending_refund_approval: {
    lower_refund: { roles: FINANCE, next: lowerRefund },
    approve_refund: {
      roles: FINANCE,
      next: (req, cmd) => ({ to: statusAfter(remainingRoute(req), "refund_approval"), changes: { refundApprovedBy: cmd.actorId } }),
    },
  },
  pending_refund: {
    refund: { roles: FINANCE, next: secondSigner("refunding") },
    lower_refund: { roles: FINANCE, next: lowerRefund },
    // After a failed or closed refund the request waits here; the refund records say which applies.
    retry_refund: { roles: FINANCE, next: to("refunding") },
    // Paying by hand is paying: the first signer may not do it alone (an order without a gateway is never executed first).
    record_offline_refund: { roles: FINANCE, next: secondSigner("completed") },
  },
  refunding: {
    refund_succeeded: { roles: SYSTEM, next: to("completed") },
    refund_failed: { roles: SYSTEM, next: to("pending_refund") },
    // Recorded in the history; the money is neither back nor paid, so the request waits here for finance.
    refund_abnormal: { roles: SYSTEM, next: to("refunding") },
    // A refund may stay in `refunding` while it is failed, closed or abnormal (the services check the record's status).
    retry_refund: { roles: FINANCE, next: to("refunding") },
    record_offline_refund: { roles: FINANCE, next: to("completed") },
  },
  pending_replacement: {
    ship_replacement: { roles: WAREHOUSE, next: to("completed") },
  },
  completed: {},
  cancelled: {},
  closed: {},
};

/** Applies a command to a request, or throws an AppError that names the state and the action. */
export function transition(req: RequestState, cmd: Command): Transition {
  const rule = TRANSITIONS[req.status][cmd.action];
  if (!rule) throw new AppError("invalid_transition", { action: cmd.action, status: req.status });
  if (!rule.roles.includes(cmd.role)) {
    throw new AppError("role_not_allowed", { action: cmd.action, status: req.status, role: cmd.role });
  }
  assertMayDecide(req, cmd.role, cmd.actorId);
  const { to: next, changes } = rule.next(req, cmd);
  return { from: req.status, to: next, changes };
}

/**
 * What this actor can do to this request right now: the table's actions for the role, minus
 * those the rules would refuse (appeal already used, partial refund of an exchange, the second
 * signature of a four-eyes refund by the first signer, cancelling a received parcel).
 */
export function availableActions(req: RequestState, role: ActorRole, actorId: string): Action[] {
  return allowedActions(req.status, role).filter((action) => {
    try {
      transition(req, { action, role, actorId, inspectionMatches: true });
      return true;
    } catch {
      return false;
    }
  });
}

/** Actions `role` may take from `status` by the table alone (the server still checks the rules). */
export function allowedActions(status: ReturnStatus, role: ActorRole): Action[] {
  return (Object.entries(TRANSITIONS[status]) as [Action, Rule][])
    .filter(([, rule]) => rule.roles.includes(role))
    .map(([action]) => action);
}

/** The statuses in which a staff role has something to do: that role's queue. */
export function queueStatuses(role: StaffRole): ReturnStatus[] {
  return (Object.keys(TRANSITIONS) as ReturnStatus[]).filter((s) => allowedActions(s, role).length > 0);
}

/** Every role that may take `action` in some state: who may call the action at all. */
export function rolesFor(action: Action): ActorRole[] {
  const roles = new Set<ActorRole>();
  for (const rules of Object.values(TRANSITIONS)) rules[action]?.roles.forEach((r) => roles.add(r));
  return [...roles];
}

/** The staff roles among rolesFor(action). */
export function staffRolesFor(action: Action): StaffRole[] {
  return rolesFor(action).filter((r): r is StaffRole => r !== "customer" && r !== "system");
}
