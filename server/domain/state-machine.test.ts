import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { DEFAULT_POLICY, decideRoute } from "./policy";
import { firstStatus, type Route } from "./route";
import { allowedActions, availableActions, queueStatuses, rolesFor, staffRolesFor, transition, TRANSITIONS, type Command, type RequestState, type Transition } from "./state-machine";
import {
  ACTIONS,
  RETURN_STATUSES,
  RETURN_TYPES,
  STAFF_ROLES,
  TERMINAL_STATUSES,
  type Action,
  type ActorRole,
  type ReturnStatus,
  type ReturnType,
  type Stage,
} from "./vocabulary";

// ---------------------------------------------------------------------------------------------
// The lifecycle of docs/product-rules.md, written down independently of state-machine.ts: who may do what in
// which status. The code's table is checked against this, not the other way round.
// ---------------------------------------------------------------------------------------------

const ALL_ROLES: readonly ActorRole[] = [...STAFF_ROLES, "customer", "system"];

/** One role, or several where the request decides which (convert_to_refund: the policy says customer or staff). */
type Allowed = ActorRole | readonly ActorRole[];
const rolesOf = (a: Allowed | undefined): readonly ActorRole[] => (a === undefined ? [] : typeof a === "string" ? [a] : a);
/** Every (action, role) pair the spec allows in a status. */
const pairsOf = (status: ReturnStatus): [Action, ActorRole][] =>
  (Object.entries(SPEC[status]) as [Action, Allowed][]).flatMap(([a, r]) => rolesOf(r).map((role): [Action, ActorRole] => [a, role]));

const SPEC: Record<ReturnStatus, Partial<Record<Action, Allowed>>> = {
  pending_cs_review: {
    // The system approves when the policy's deadline rule is auto_approve (server/domain/timeouts.ts).
    approve: ["customer_service", "system"],
    reject: "customer_service",
    request_info: "customer_service",
    cancel: "customer",
    escalate: "system",
    // An exchange whose replacement ran out becomes a refund: the customer or the reviewer, as the policy says (decision 030).
    convert_to_refund: ["customer", "customer_service"],
  },
  pending_ops_review: {
    approve: "operations_manager",
    reject: "operations_manager",
    request_info: "operations_manager",
    cancel: "customer",
    convert_to_refund: ["customer", "operations_manager"],
  },
  needs_info: { provide_info: "customer", cancel: "customer", expire: "system", convert_to_refund: "customer" },
  rejected: { appeal: "customer", expire: "system" },
  awaiting_shipment: { ship: "customer", receive: "warehouse", record_parcel: "warehouse", link_parcel: "warehouse", cancel: "customer", expire: "system" },
  in_transit: { receive: "warehouse", record_parcel: "warehouse", link_parcel: "warehouse", cancel: "customer" },
  inspection_mismatch: { accept_full: "operations_manager", accept_partial: "operations_manager", reject: "operations_manager" },
  pending_refund_approval: { approve_refund: "finance", lower_refund: "finance" },
  pending_refund: { refund: "finance", lower_refund: "finance", retry_refund: "finance", record_offline_refund: "finance" },
  refunding: { refund_succeeded: "system", refund_failed: "system", refund_abnormal: "system", retry_refund: "finance", record_offline_refund: "finance" },
  pending_replacement: { ship_replacement: "warehouse" },
  completed: {},
  cancelled: {},
  closed: {},
};

/** Stage order and the status that waits for each stage, as docs/product-rules.md lists them. */
const STAGE_ORDER: [Stage, ReturnStatus][] = [
  ["cs_review", "pending_cs_review"],
  ["ops_review", "pending_ops_review"],
  ["customer_shipment", "awaiting_shipment"],
  ["warehouse_inspection", "in_transit"],
  ["refund_approval", "pending_refund_approval"],
  ["refund", "pending_refund"],
  ["replacement", "pending_replacement"],
];

/** Once the parcel is in the warehouse, the shipping stages are never entered again. */
function modelStatusAfter(route: Route, stage: Stage, goodsReceived = false): ReturnStatus {
  const position = STAGE_ORDER.findIndex(([s]) => s === stage);
  for (const [s, status] of STAGE_ORDER.slice(position + 1)) {
    if (goodsReceived && (s === "customer_shipment" || s === "warehouse_inspection")) continue;
    if (route.stages.includes(s)) return status;
  }
  return "completed";
}

type ModelOutcome =
  | { ok: true; to: ReturnStatus; changes: Record<string, unknown> }
  | { ok: false; code: string; params?: Record<string, string> };

/** Reference model of one command, straight from docs/product-rules.md. */
function model(req: RequestState, cmd: Command): ModelOutcome {
  const allowedRoles = rolesOf(SPEC[req.status][cmd.action]);
  if (allowedRoles.length === 0) return { ok: false, code: "invalid_transition", params: { action: cmd.action, status: req.status } };
  if (!allowedRoles.includes(cmd.role)) {
    return { ok: false, code: "role_not_allowed", params: { action: cmd.action, status: req.status, role: cmd.role } };
  }
  const go = (to: ReturnStatus, changes: Record<string, unknown> = {}): ModelOutcome => ({ ok: true, to, changes });
  const next = (stage: Stage) => modelStatusAfter(req.route, stage, req.goodsReceived);
  switch (cmd.action) {
    case "approve":
      return go(next(req.status === "pending_cs_review" ? "cs_review" : "ops_review"));
    case "reject":
      return go("rejected");
    case "request_info":
      return go("needs_info", { infoReturnStatus: req.status });
    case "cancel":
      return req.goodsReceived ? { ok: false, code: "cancel_after_receipt" } : go("cancelled");
    case "escalate":
      return go("pending_ops_review");
    case "provide_info":
      return go(req.infoReturnStatus ?? "pending_cs_review", { infoReturnStatus: null });
    case "appeal":
      return req.appealUsed ? { ok: false, code: "appeal_already_used" } : go("pending_ops_review", { appealUsed: true });
    case "expire":
      return go("closed");
    case "ship":
      return go(next("customer_shipment"));
    case "receive":
      if (cmd.inspectionMatches === undefined) return { ok: false, code: "missing_field", params: { field: "inspectionMatches" } };
      return cmd.inspectionMatches
        ? go(modelStatusAfter(req.route, "warehouse_inspection", true), { goodsReceived: true })
        : go("inspection_mismatch", { goodsReceived: true });
    // A parcel of the request is at the warehouse (decision 028): no more cancelling, and it is under way.
    case "record_parcel":
    case "link_parcel":
      return go("in_transit", { goodsReceived: true });
    case "accept_full":
      return go(next("warehouse_inspection"));
    case "accept_partial":
      return req.type === "exchange" ? { ok: false, code: "partial_not_allowed" } : go(next("warehouse_inspection"));
    case "approve_refund":
      return go(next("refund_approval"), { refundApprovedBy: cmd.actorId });
    case "refund":
      return req.route.stages.includes("refund_approval") && req.refundApprovedBy === cmd.actorId
        ? { ok: false, code: "four_eyes_required" }
        : go("refunding");
    case "refund_succeeded":
      return go("completed");
    case "refund_failed":
      return go("pending_refund");
    case "refund_abnormal":
      return go("refunding");
    case "ship_replacement":
      return go("completed");
    // Only an exchange, only when a replacement is short, and only by whom the policy names (default: the customer).
    case "convert_to_refund": {
      if (req.type !== "exchange") return { ok: false, code: "invalid_transition", params: { action: cmd.action, status: req.status } };
      if (!req.replacementShort) return { ok: false, code: "replacement_in_stock" };
      const customerDecides = (req.exchangeOutOfStock ?? "customer_chooses") === "customer_chooses";
      if ((cmd.role === "customer") !== customerDecides) return { ok: false, code: "role_not_allowed", params: { action: cmd.action, status: req.status, role: cmd.role } };
      return go(req.status);
    }
    // A change of amount after the first finance signature sends the request back to be signed twice again.
    case "lower_refund":
      return req.refundApprovedBy !== null && req.route.stages.includes("refund_approval")
        ? go("pending_refund_approval", { refundApprovedBy: null })
        : go(req.status);
    case "retry_refund":
      return go("refunding");
    case "record_offline_refund":
      if (req.status === "pending_refund" && req.route.stages.includes("refund_approval") && req.refundApprovedBy === cmd.actorId) {
        return { ok: false, code: "four_eyes_required" };
      }
      return go("completed");
    default:
      throw new Error(`model has no case for ${cmd.action}`);
  }
}

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

const route = (...stages: Stage[]): Route => ({ stages, matchedRules: [] });

const ROUTES = {
  refundSmall: route("cs_review", "refund"),
  refundBig: route("cs_review", "ops_review", "refund_approval", "refund"),
  returnRefund: route("cs_review", "customer_shipment", "warehouse_inspection", "refund"),
  returnRefundBig: route("cs_review", "ops_review", "customer_shipment", "warehouse_inspection", "refund_approval", "refund"),
  exchange: route("cs_review", "customer_shipment", "warehouse_inspection", "replacement"),
  exchangeOps: route("cs_review", "ops_review", "customer_shipment", "warehouse_inspection", "replacement"),
};

function req(status: ReturnStatus, overrides: Partial<RequestState> = {}): RequestState {
  return {
    status,
    type: "return_refund",
    route: ROUTES.returnRefund,
    infoReturnStatus: null,
    appealUsed: false,
    refundApprovedBy: null,
    goodsReceived: false,
    ...overrides,
  };
}

const DEFAULT_ACTOR: Record<ActorRole, string> = {
  customer_service: "cs-1",
  operations_manager: "ops-1",
  warehouse: "wh-1",
  finance: "fin-a",
  admin: "admin-1",
  customer: "cust-1",
  system: "system",
};

function cmd(action: Action, role: ActorRole, extra: Partial<Command> = {}): Command {
  return { action, role, actorId: DEFAULT_ACTOR[role], ...extra };
}

function apply(state: RequestState, command: Command): RequestState {
  const t = transition(state, command);
  return { ...state, ...t.changes, status: t.to };
}

/** Runs commands in order and returns every status visited (including the first). */
function walk(state: RequestState, commands: Command[]): { statuses: ReturnStatus[]; final: RequestState } {
  const statuses: ReturnStatus[] = [state.status];
  let current = state;
  for (const c of commands) {
    current = apply(current, c);
    statuses.push(current.status);
  }
  return { statuses, final: current };
}

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError, nothing was thrown");
}

// ---------------------------------------------------------------------------------------------
// the lifecycle, path by path
// ---------------------------------------------------------------------------------------------

describe("lifecycle paths", () => {
  it("small refund-only: customer service approves, finance refunds, gateway confirms", () => {
    const start = req(firstStatus(ROUTES.refundSmall), { type: "refund_only", route: ROUTES.refundSmall });
    const { statuses } = walk(start, [
      cmd("approve", "customer_service"),
      cmd("refund", "finance"),
      cmd("refund_succeeded", "system"),
    ]);
    expect(statuses).toEqual(["pending_cs_review", "pending_refund", "refunding", "completed"]);
  });

  it("large refund-only: cs → ops → first finance approval → a second finance user refunds", () => {
    const start = req("pending_cs_review", { type: "refund_only", route: ROUTES.refundBig });
    const { statuses, final } = walk(start, [
      cmd("approve", "customer_service"),
      cmd("approve", "operations_manager"),
      cmd("approve_refund", "finance", { actorId: "fin-a" }),
      cmd("refund", "finance", { actorId: "fin-b" }),
      cmd("refund_succeeded", "system"),
    ]);
    expect(statuses).toEqual([
      "pending_cs_review",
      "pending_ops_review",
      "pending_refund_approval",
      "pending_refund",
      "refunding",
      "completed",
    ]);
    expect(final.refundApprovedBy).toBe("fin-a");
  });

  it("return & refund: approve → customer ships → warehouse receives (matches) → refund", () => {
    const { statuses } = walk(req("pending_cs_review"), [
      cmd("approve", "customer_service"),
      cmd("ship", "customer"),
      cmd("receive", "warehouse", { inspectionMatches: true }),
      cmd("refund", "finance"),
      cmd("refund_succeeded", "system"),
    ]);
    expect(statuses).toEqual(["pending_cs_review", "awaiting_shipment", "in_transit", "pending_refund", "refunding", "completed"]);
  });

  it("exchange: replacement shipment instead of a refund", () => {
    const start = req("pending_cs_review", { type: "exchange", route: ROUTES.exchangeOps });
    const { statuses } = walk(start, [
      cmd("approve", "customer_service"),
      cmd("approve", "operations_manager"),
      cmd("ship", "customer"),
      cmd("receive", "warehouse", { inspectionMatches: true }),
      cmd("ship_replacement", "warehouse"),
    ]);
    expect(statuses).toEqual([
      "pending_cs_review",
      "pending_ops_review",
      "awaiting_shipment",
      "in_transit",
      "pending_replacement",
      "completed",
    ]);
  });

  it("the parcel may arrive before the customer entered the tracking number", () => {
    const t = transition(req("awaiting_shipment"), cmd("receive", "warehouse", { inspectionMatches: true }));
    expect(t).toEqual({ from: "awaiting_shipment", to: "pending_refund", changes: { goodsReceived: true } });
  });

  it("once the parcel is received the customer can no longer cancel, even after a rejection and an appeal", () => {
    const received = req("inspection_mismatch", { goodsReceived: true });
    const rejected = { ...received, status: transition(received, cmd("reject", "operations_manager")).to };
    const appealed = { ...rejected, ...transition(rejected, cmd("appeal", "customer")).changes, status: "pending_ops_review" as const };
    expect(caught(() => transition(appealed, cmd("cancel", "customer")))).toMatchObject({ code: "cancel_after_receipt" });
    // An upheld appeal goes straight on to the refund: the parcel is already in the warehouse.
    expect(transition(appealed, cmd("approve", "operations_manager")).to).toBe("pending_refund");
  });

  it("receive without an inspection result is refused rather than counted as a match", () => {
    expect(caught(() => transition(req("in_transit"), cmd("receive", "warehouse")))).toMatchObject({ code: "missing_field" });
  });

  it("availableActions leaves out what the rules would refuse", () => {
    expect(availableActions(req("rejected", { appealUsed: true }), "customer", "cust-1")).toEqual([]);
    expect(availableActions(req("rejected"), "customer", "cust-1")).toEqual(["appeal"]);
    expect(availableActions(req("inspection_mismatch", { type: "exchange", route: ROUTES.exchange }), "operations_manager", "ops-1")).toEqual(["accept_full", "reject"]);
    const approved = req("pending_refund", { route: ROUTES.returnRefundBig, refundApprovedBy: "fin-a" });
    // The first signer may lower the amount (which takes the signature back) or retry a refund the second signer started, never pay.
    expect(availableActions(approved, "finance", "fin-a")).toEqual(["lower_refund", "retry_refund"]);
    expect(availableActions(approved, "finance", "fin-b")).toEqual(["refund", "lower_refund", "retry_refund", "record_offline_refund"]);
    expect(availableActions(req("in_transit", { goodsReceived: false }), "customer", "cust-1")).toEqual(["cancel"]);
  });

  it("a failed gateway refund goes back to pending_refund and can be retried", () => {
    const { statuses } = walk(req("pending_refund", { type: "refund_only", route: ROUTES.refundSmall }), [
      cmd("refund", "finance"),
      cmd("refund_failed", "system"),
      cmd("refund", "finance"),
      cmd("refund_succeeded", "system"),
    ]);
    expect(statuses).toEqual(["pending_refund", "refunding", "pending_refund", "refunding", "completed"]);
  });

  it("customer-service timeout escalates to operations review (system only)", () => {
    expect(transition(req("pending_cs_review"), cmd("escalate", "system")).to).toBe("pending_ops_review");
    expect(caught(() => transition(req("pending_cs_review"), cmd("escalate", "customer_service"))).code).toBe("role_not_allowed");
  });

  it("after an escalation on a route without ops review, the ops approval continues the route", () => {
    const { statuses } = walk(req("pending_cs_review"), [cmd("escalate", "system"), cmd("approve", "operations_manager")]);
    expect(statuses).toEqual(["pending_cs_review", "pending_ops_review", "awaiting_shipment"]);
  });

  it("approve / reject / request_info return a Transition with from and to", () => {
    expect(transition(req("pending_cs_review"), cmd("reject", "customer_service"))).toEqual({
      from: "pending_cs_review",
      to: "rejected",
      changes: {},
    });
    expect(transition(req("pending_ops_review", { route: ROUTES.returnRefundBig }), cmd("reject", "operations_manager")).to).toBe(
      "rejected",
    );
  });

  it("does not mutate the request it is given", () => {
    const before = req("pending_cs_review");
    const snapshot = structuredClone(before);
    transition(before, cmd("request_info", "customer_service"));
    expect(before).toEqual(snapshot);
  });
});

describe("needs more information", () => {
  it.each([
    ["pending_cs_review", "customer_service"],
    ["pending_ops_review", "operations_manager"],
  ] as const)("from %s goes back to the same reviewer's status", (status, role) => {
    const asked = transition(req(status, { route: ROUTES.returnRefundBig }), cmd("request_info", role));
    expect(asked).toEqual({ from: status, to: "needs_info", changes: { infoReturnStatus: status } });
    const waiting = req("needs_info", { route: ROUTES.returnRefundBig, infoReturnStatus: status });
    const answered = transition(waiting, cmd("provide_info", "customer"));
    expect(answered).toEqual({ from: "needs_info", to: status, changes: { infoReturnStatus: null } });
  });

  it("only the customer provides info; an unanswered request closes, the customer may cancel", () => {
    const waiting = req("needs_info", { infoReturnStatus: "pending_cs_review" });
    expect(caught(() => transition(waiting, cmd("provide_info", "customer_service"))).code).toBe("role_not_allowed");
    expect(transition(waiting, cmd("expire", "system")).to).toBe("closed");
    expect(transition(waiting, cmd("cancel", "customer")).to).toBe("cancelled");
  });
});

describe("rejection and appeal", () => {
  it("the customer may appeal once; the appeal goes to operations review", () => {
    const t = transition(req("rejected"), cmd("appeal", "customer"));
    expect(t).toEqual({ from: "rejected", to: "pending_ops_review", changes: { appealUsed: true } });
  });

  it("a second appeal is refused with appeal_already_used", () => {
    const start = req("pending_cs_review", { type: "refund_only", route: ROUTES.refundSmall });
    const { final } = walk(start, [
      cmd("reject", "customer_service"),
      cmd("appeal", "customer"),
      cmd("reject", "operations_manager"),
    ]);
    expect(final.status).toBe("rejected");
    expect(final.appealUsed).toBe(true);
    expect(caught(() => transition(final, cmd("appeal", "customer"))).code).toBe("appeal_already_used");
  });

  it("an upheld appeal on a route without ops review continues with the route's next stage", () => {
    const refundOnly = walk(req("rejected", { type: "refund_only", route: ROUTES.refundSmall }), [
      cmd("appeal", "customer"),
      cmd("approve", "operations_manager"),
    ]);
    expect(refundOnly.statuses).toEqual(["rejected", "pending_ops_review", "pending_refund"]);
    const exchange = walk(req("rejected", { type: "exchange", route: ROUTES.exchange }), [
      cmd("appeal", "customer"),
      cmd("approve", "operations_manager"),
    ]);
    expect(exchange.statuses).toEqual(["rejected", "pending_ops_review", "awaiting_shipment"]);
  });

  it("a rejection whose appeal time ran out closes; only the customer appeals", () => {
    expect(transition(req("rejected"), cmd("expire", "system")).to).toBe("closed");
    expect(caught(() => transition(req("rejected"), cmd("appeal", "operations_manager"))).code).toBe("role_not_allowed");
  });
});

describe("warehouse inspection", () => {
  it("receive with inspectionMatches=false goes to inspection_mismatch", () => {
    for (const status of ["awaiting_shipment", "in_transit"] as const) {
      expect(transition(req(status), cmd("receive", "warehouse", { inspectionMatches: false })).to).toBe("inspection_mismatch");
    }
  });

  it.each([
    ["return_refund", ROUTES.returnRefund, "accept_full", "pending_refund"],
    ["return_refund", ROUTES.returnRefund, "accept_partial", "pending_refund"],
    ["return_refund", ROUTES.returnRefundBig, "accept_full", "pending_refund_approval"],
    ["return_refund", ROUTES.returnRefundBig, "accept_partial", "pending_refund_approval"],
    ["exchange", ROUTES.exchange, "accept_full", "pending_replacement"],
    ["return_refund", ROUTES.returnRefund, "reject", "rejected"],
    ["exchange", ROUTES.exchange, "reject", "rejected"],
  ] as const)("%s: operations decides a mismatch (%s route) with %s → %s", (type, r, action, expected) => {
    const t = transition(req("inspection_mismatch", { type, route: r }), cmd(action, "operations_manager"));
    expect(t.to).toBe(expected);
  });

  it("accept_partial is refused for an exchange", () => {
    const e = caught(() =>
      transition(req("inspection_mismatch", { type: "exchange", route: ROUTES.exchange }), cmd("accept_partial", "operations_manager")),
    );
    expect(e.code).toBe("partial_not_allowed");
  });

  it("only operations decides a mismatch; the customer can no longer cancel once the parcel arrived", () => {
    const mismatch = req("inspection_mismatch");
    expect(caught(() => transition(mismatch, cmd("accept_full", "warehouse"))).code).toBe("role_not_allowed");
    expect(caught(() => transition(mismatch, cmd("accept_full", "customer_service"))).code).toBe("role_not_allowed");
    expect(caught(() => transition(mismatch, cmd("cancel", "customer"))).code).toBe("invalid_transition");
  });
});

describe("four-eyes refund approval", () => {
  const approved = req("pending_refund", { type: "refund_only", route: ROUTES.refundBig, refundApprovedBy: "fin-a" });

  it("approve_refund records the approving finance user", () => {
    const t = transition(req("pending_refund_approval", { route: ROUTES.refundBig }), cmd("approve_refund", "finance", { actorId: "fin-a" }));
    expect(t).toEqual({ from: "pending_refund_approval", to: "pending_refund", changes: { refundApprovedBy: "fin-a" } });
  });

  it("the finance user who approved cannot also refund", () => {
    const e = caught(() => transition(approved, cmd("refund", "finance", { actorId: "fin-a" })));
    expect(e.code).toBe("four_eyes_required");
  });

  it("another finance user can refund", () => {
    expect(transition(approved, cmd("refund", "finance", { actorId: "fin-b" }))).toEqual({
      from: "pending_refund",
      to: "refunding",
      changes: {},
    });
  });

  it("the approver stays barred after a failed gateway attempt", () => {
    const { final } = walk(approved, [cmd("refund", "finance", { actorId: "fin-b" }), cmd("refund_failed", "system")]);
    expect(final.status).toBe("pending_refund");
    expect(caught(() => transition(final, cmd("refund", "finance", { actorId: "fin-a" }))).code).toBe("four_eyes_required");
  });

  it("on a route without refund_approval a single finance user refunds", () => {
    const single = req("pending_refund", { type: "refund_only", route: ROUTES.refundSmall, refundApprovedBy: null });
    expect(transition(single, cmd("refund", "finance", { actorId: "fin-a" })).to).toBe("refunding");
  });

  it("non-finance roles can neither approve nor refund", () => {
    for (const role of ALL_ROLES.filter((r) => r !== "finance")) {
      expect(caught(() => transition(approved, cmd("refund", role))).code).toBe("role_not_allowed");
      expect(caught(() => transition(req("pending_refund_approval", { route: ROUTES.refundBig }), cmd("approve_refund", role))).code).toBe(
        "role_not_allowed",
      );
    }
  });
});

describe("cancellation", () => {
  const beforeReceipt: ReturnStatus[] = ["pending_cs_review", "pending_ops_review", "needs_info", "awaiting_shipment", "in_transit"];

  it.each(beforeReceipt)("the customer may cancel in %s", (status) => {
    expect(transition(req(status, { infoReturnStatus: "pending_cs_review" }), cmd("cancel", "customer")).to).toBe("cancelled");
  });

  it.each(RETURN_STATUSES.filter((s) => !beforeReceipt.includes(s)))("cancel is refused in %s", (status) => {
    const e = caught(() => transition(req(status), cmd("cancel", "customer")));
    expect(e.code).toBe("invalid_transition");
    expect(e.params).toEqual({ action: "cancel", status });
  });

  it("staff cannot cancel on the customer's behalf", () => {
    for (const role of STAFF_ROLES) {
      expect(caught(() => transition(req("pending_cs_review"), cmd("cancel", role))).code).toBe("role_not_allowed");
    }
  });
});

describe("refusals", () => {
  it("an action not possible in a status names the status and the action", () => {
    const e = caught(() => transition(req("pending_cs_review"), cmd("ship", "customer")));
    expect(e.code).toBe("invalid_transition");
    expect(e.params).toEqual({ action: "ship", status: "pending_cs_review" });
    expect(e.message).toContain("ship");
    expect(e.message).toContain("pending_cs_review");
  });

  it("the wrong role names the status, the action and the role", () => {
    const e = caught(() => transition(req("pending_cs_review"), cmd("approve", "operations_manager")));
    expect(e.code).toBe("role_not_allowed");
    expect(e.params).toEqual({ action: "approve", status: "pending_cs_review", role: "operations_manager" });
  });

  it.each(TERMINAL_STATUSES)("terminal status %s allows nothing to anybody", (status) => {
    for (const action of ACTIONS) {
      for (const role of ALL_ROLES) {
        const e = caught(() => transition(req(status), { action, role, actorId: "x", inspectionMatches: true }));
        expect(e.code).toBe("invalid_transition");
        expect(e.params).toEqual({ action, status });
      }
    }
    for (const role of ALL_ROLES) expect(allowedActions(status, role)).toEqual([]);
  });

  it("submit is never a transition (submission creates the request)", () => {
    for (const status of RETURN_STATUSES) {
      expect(caught(() => transition(req(status), cmd("submit", "customer"))).code).toBe("invalid_transition");
    }
  });
});

describe("the transition table matches docs/product-rules.md", () => {
  it("every status × action × role is allowed exactly as specified", () => {
    for (const status of RETURN_STATUSES) {
      for (const action of ACTIONS) {
        const expectedRoles = rolesOf(SPEC[status][action]);
        const rule = TRANSITIONS[status][action];
        if (expectedRoles.length === 0) {
          expect(rule, `${status}/${action}`).toBeUndefined();
          continue;
        }
        expect([...(rule?.roles ?? [])].sort(), `${status}/${action}`).toEqual([...expectedRoles].sort());
        // The conversion's who-decides rule has its own tests (describe "convert_to_refund").
        if (action === "convert_to_refund") continue;
        for (const role of ALL_ROLES) {
          const state = req(status, {
            route: ROUTES.returnRefundBig,
            infoReturnStatus: "pending_cs_review",
            refundApprovedBy: "someone-else",
          });
          const run = () => transition(state, { action, role, actorId: "actor", inspectionMatches: true });
          if (expectedRoles.includes(role)) expect(run, `${status}/${action}/${role}`).not.toThrow();
          else expect(caught(run).code, `${status}/${action}/${role}`).toBe("role_not_allowed");
        }
      }
    }
  });

  it("allowedActions lists exactly the specified actions per role", () => {
    for (const status of RETURN_STATUSES) {
      for (const role of ALL_ROLES) {
        const expected = pairsOf(status).filter(([, r]) => r === role).map(([a]) => a);
        expect([...allowedActions(status, role)].sort(), `${status}/${role}`).toEqual(expected.sort());
      }
    }
  });

  it("allowedActions for a customer waiting to ship: ship or cancel", () => {
    expect([...allowedActions("awaiting_shipment", "customer")].sort()).toEqual(["cancel", "ship"]);
    expect(allowedActions("awaiting_shipment", "system")).toEqual(["expire"]);
  });
});

describe("queueStatuses", () => {
  it.each([
    ["customer_service", ["pending_cs_review"]],
    ["operations_manager", ["inspection_mismatch", "pending_ops_review"]],
    ["warehouse", ["awaiting_shipment", "in_transit", "pending_replacement"]],
    // A refund on its way stays in finance's queue: a stuck, failed, closed or abnormal one needs them (docs/decisions/024).
    ["finance", ["pending_refund", "pending_refund_approval", "refunding"]],
    ["admin", []],
  ] as const)("%s works on %j", (role, expected) => {
    expect([...queueStatuses(role)].sort()).toEqual([...expected].sort());
  });

  it("no queue holds a terminal status or a status only the customer or the system can move", () => {
    const all = STAFF_ROLES.flatMap((r) => queueStatuses(r));
    for (const s of [...TERMINAL_STATUSES, "needs_info", "rejected"] as ReturnStatus[]) expect(all).not.toContain(s);
  });
});

describe("rolesFor / staffRolesFor", () => {
  it.each([
    ["approve", ["customer_service", "operations_manager", "system"]],
    ["reject", ["customer_service", "operations_manager"]],
    ["request_info", ["customer_service", "operations_manager"]],
    ["accept_partial", ["operations_manager"]],
    ["receive", ["warehouse"]],
    ["ship_replacement", ["warehouse"]],
    ["convert_to_refund", ["customer", "customer_service", "operations_manager"]],
    ["approve_refund", ["finance"]],
    ["refund", ["finance"]],
    ["cancel", ["customer"]],
    ["appeal", ["customer"]],
    ["expire", ["system"]],
    ["refund_succeeded", ["system"]],
    ["submit", []],
  ] as [Action, ActorRole[]][])("%s may be called by %j", (action, roles) => {
    expect([...rolesFor(action)].sort()).toEqual([...roles].sort());
  });

  it("for every action: the union of the specified roles; staffRolesFor drops customer and system", () => {
    for (const action of ACTIONS) {
      const expected = new Set(RETURN_STATUSES.flatMap((s) => rolesOf(SPEC[s][action])));
      expect(new Set(rolesFor(action)), action).toEqual(expected);
      expect(new Set(staffRolesFor(action)), action).toEqual(new Set([...expected].filter((r) => r !== "customer" && r !== "system")));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// property: random command sequences on random requests
// ---------------------------------------------------------------------------------------------

/** Statuses reachable from `start` per SPEC, following every target the model can produce for this route. */
function reachable(start: RequestState): Set<ReturnStatus> {
  const seen = new Set<ReturnStatus>([start.status]);
  const queue: RequestState[] = [start];
  const visitedKeys = new Set<string>();
  while (queue.length) {
    const s = queue.shift()!;
    const key = JSON.stringify([s.status, s.infoReturnStatus, s.appealUsed, s.refundApprovedBy, s.goodsReceived]);
    if (visitedKeys.has(key)) continue;
    visitedKeys.add(key);
    for (const [action, role] of pairsOf(s.status)) {
      for (const actorId of ["fin-a", "fin-b"]) {
        for (const inspectionMatches of [true, false]) {
          const out = model(s, { action, role, actorId, inspectionMatches });
          if (!out.ok) continue;
          seen.add(out.to);
          queue.push({ ...s, ...out.changes, status: out.to });
        }
      }
    }
  }
  return seen;
}

const categoryArb = fc.record({ code: fc.constantFrom("apparel", "shoes", "electronics", "jewellery"), highValue: fc.boolean() });
const routingArb = fc.record({
  type: fc.constantFrom(...RETURN_TYPES),
  amountFen: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(0, 20_000, 20_001, 200_000, 200_001)),
  categories: fc.array(categoryArb, { maxLength: 3 }),
  priorReturns: fc.integer({ min: 0, max: 8 }),
  replacementShort: fc.option(fc.boolean(), { nil: undefined }),
  exchangeOutOfStock: fc.option(fc.constantFrom("customer_chooses" as const, "staff_decide" as const), { nil: undefined }),
});

const stepArb = fc.record({
  /** Most steps pick a command docs/product-rules.md allows in the current status, so walks get far; the rest are arbitrary. */
  valid: fc.boolean(),
  pick: fc.nat(),
  action: fc.constantFrom(...ACTIONS),
  role: fc.constantFrom(...ALL_ROLES),
  actorId: fc.constantFrom("fin-a", "fin-b", "cs-1", "cust-1", "system"),
  inspectionMatches: fc.option(fc.boolean(), { nil: undefined }),
});

describe("property: random command sequences", () => {
  it("stay inside the lifecycle, never leave a terminal status and obey the roles", () => {
    fc.assert(
      fc.property(routingArb, fc.array(stepArb, { maxLength: 60 }), (input, steps) => {
        const r = decideRoute(DEFAULT_POLICY, input);
        let state: RequestState = {
          status: firstStatus(r),
          type: input.type,
          route: r,
          infoReturnStatus: null,
          appealUsed: false,
          refundApprovedBy: null,
          goodsReceived: false,
          replacementShort: input.replacementShort,
          exchangeOutOfStock: input.exchangeOutOfStock,
        };
        const canReach = reachable(state);
        for (const step of steps) {
          const options = pairsOf(state.status);
          const chosen = step.valid && options.length > 0 ? options[step.pick % options.length]! : [step.action, step.role] as const;
          const command: Command = { action: chosen[0], role: chosen[1], actorId: step.actorId, inspectionMatches: step.inspectionMatches };
          const expected = model(state, command);
          let result: Transition | undefined;
          let error: unknown;
          try {
            result = transition(state, command);
          } catch (e) {
            error = e;
          }
          if (!expected.ok) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe(expected.code);
            if (expected.params) expect((error as AppError).params).toEqual(expected.params);
            continue;
          }
          expect(error).toBeUndefined();
          const t = result!;
          expect(t).toEqual({ from: state.status, to: expected.to, changes: expected.changes });
          // invariants independent of the model
          expect(TERMINAL_STATUSES).not.toContain(state.status);
          expect(RETURN_STATUSES).toContain(t.to);
          expect(canReach.has(t.to)).toBe(true);
          expect(TRANSITIONS[state.status][command.action]?.roles).toContain(command.role);
          if (r.stages.includes("refund")) expect(t.to).not.toBe("pending_replacement");
          if (r.stages.includes("replacement")) expect(["pending_refund", "refunding", "pending_refund_approval"]).not.toContain(t.to);
          if (!r.stages.includes("refund_approval")) expect(t.to).not.toBe("pending_refund_approval");
          if (!r.stages.includes("customer_shipment")) {
            expect(["awaiting_shipment", "in_transit", "inspection_mismatch"]).not.toContain(t.to);
          }
          state = { ...state, ...t.changes, status: t.to };
        }
      }),
      { numRuns: 500 },
    );
  });

  it("the table-reachable statuses of each kind of default route are the expected ones", () => {
    const reach = (type: ReturnType, stages: Stage[]) =>
      [...reachable(req(firstStatus(route(...stages)), { type, route: route(...stages) }))].sort();
    expect(reach("refund_only", ["cs_review", "refund"])).toEqual(
      ["cancelled", "closed", "completed", "needs_info", "pending_cs_review", "pending_ops_review", "pending_refund", "refunding", "rejected"].sort(),
    );
    expect(reach("exchange", ["cs_review", "customer_shipment", "warehouse_inspection", "replacement"])).toEqual(
      [
        "awaiting_shipment",
        "cancelled",
        "closed",
        "completed",
        "in_transit",
        "inspection_mismatch",
        "needs_info",
        "pending_cs_review",
        "pending_ops_review",
        "pending_replacement",
        "rejected",
      ].sort(),
    );
  });

  it("from a terminal status every random command is refused", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TERMINAL_STATUSES), stepArb, (status, step) => {
        const e = caught(() => transition(req(status), { action: step.action, role: step.role, actorId: step.actorId }));
        expect(e.code).toBe("invalid_transition");
      }),
    );
  });
});

describe("convert_to_refund (decision 030)", () => {
  const exchange = (status: ReturnStatus, over: Partial<RequestState> = {}) =>
    req(status, { type: "exchange", route: ROUTES.exchangeOps, replacementShort: true, ...over });

  it("the customer converts in review or while answering a question when the policy lets the customer choose (the default)", () => {
    for (const status of ["pending_cs_review", "pending_ops_review", "needs_info"] as const) {
      expect(transition(exchange(status, { infoReturnStatus: "pending_cs_review" }), cmd("convert_to_refund", "customer"))).toEqual({ from: status, to: status, changes: {} });
      expect(transition(exchange(status, { exchangeOutOfStock: "customer_chooses" }), cmd("convert_to_refund", "customer")).to).toBe(status);
    }
    expect(caught(() => transition(exchange("pending_cs_review"), cmd("convert_to_refund", "customer_service"))).code).toBe("role_not_allowed");
  });

  it("the reviewer of the status converts when staff decide; the customer may not then", () => {
    const staffDecide = { exchangeOutOfStock: "staff_decide" as const };
    expect(transition(exchange("pending_cs_review", staffDecide), cmd("convert_to_refund", "customer_service")).to).toBe("pending_cs_review");
    expect(transition(exchange("pending_ops_review", staffDecide), cmd("convert_to_refund", "operations_manager")).to).toBe("pending_ops_review");
    expect(caught(() => transition(exchange("pending_cs_review", staffDecide), cmd("convert_to_refund", "customer"))).code).toBe("role_not_allowed");
    expect(caught(() => transition(exchange("pending_cs_review", staffDecide), cmd("convert_to_refund", "operations_manager"))).code).toBe("role_not_allowed");
    expect(caught(() => transition(exchange("needs_info", staffDecide), cmd("convert_to_refund", "customer_service"))).code).toBe("role_not_allowed");
  });

  it("is refused while the replacement is in stock, for a request that is no exchange, and once approved", () => {
    expect(caught(() => transition(exchange("pending_cs_review", { replacementShort: false }), cmd("convert_to_refund", "customer"))).code).toBe("replacement_in_stock");
    expect(caught(() => transition(exchange("pending_cs_review", { replacementShort: undefined }), cmd("convert_to_refund", "customer"))).code).toBe("replacement_in_stock");
    expect(caught(() => transition(req("pending_cs_review", { replacementShort: true }), cmd("convert_to_refund", "customer"))).code).toBe("invalid_transition");
    for (const status of ["awaiting_shipment", "in_transit", "inspection_mismatch", "pending_replacement", "completed"] as const) {
      expect(caught(() => transition(exchange(status), cmd("convert_to_refund", "customer"))).code, status).toBe("invalid_transition");
    }
  });

  it("is offered only when it would be allowed", () => {
    expect(availableActions(exchange("pending_cs_review"), "customer", "cust-1")).toContain("convert_to_refund");
    expect(availableActions(exchange("pending_cs_review", { replacementShort: false }), "customer", "cust-1")).not.toContain("convert_to_refund");
    expect(availableActions(exchange("pending_cs_review"), "customer_service", "cs-1")).not.toContain("convert_to_refund");
    expect(availableActions(exchange("pending_cs_review", { exchangeOutOfStock: "staff_decide" }), "customer_service", "cs-1")).toContain("convert_to_refund");
  });
});
