import type { ReturnStatus, ReturnType } from "../../server/domain/vocabulary";

/**
 * What the returned items must look like for a scenario to take the route it needs:
 * small = ≤ ¥200 and no sensitive category (customer service alone), ops = over ¥200,
 * high_value = 数码 / 珠宝 under ¥2000, four_eyes = over ¥2000 (second finance approval).
 */
export type Need = "small" | "ops" | "high_value" | "four_eyes" | "exchange" | "any";

/**
 * One move of a scenario. `{ to }` takes the ordinary next action (approve, ship, receive,
 * refund, …) until the request is in that status; the named moves are the side paths.
 */
export type Move =
  | { to: ReturnStatus }
  | "request_info"
  | "provide_info"
  | "reject"
  | "appeal"
  | "cancel"
  | "escalate"
  | "expire"
  | "mismatch"
  | "accept_full"
  | "accept_partial"
  | "refund_failed";

export interface Scenario {
  /** The status the request is left in; checked after the run. */
  ends: ReturnStatus;
  type: ReturnType;
  need: Need;
  moves: Move[];
  count: number;
}

const s = (ends: ReturnStatus, type: ReturnType, need: Need, count: number, moves: Move[] = []): Scenario => ({ ends, type, need, moves, count });

/** Several requests in every status, reached the way real requests reach them. */
export const SCENARIOS: readonly Scenario[] = [
  // Waiting for customer service.
  s("pending_cs_review", "refund_only", "small", 3),
  s("pending_cs_review", "return_refund", "any", 3),
  s("pending_cs_review", "exchange", "exchange", 2),
  s("pending_cs_review", "return_refund", "small", 2, ["request_info", "provide_info"]),
  // Waiting for operations: by route, by the 48 h timer, by appeal.
  s("pending_ops_review", "return_refund", "ops", 3, [{ to: "pending_ops_review" }]),
  s("pending_ops_review", "refund_only", "high_value", 1, [{ to: "pending_ops_review" }]),
  s("pending_ops_review", "refund_only", "small", 2, ["escalate"]),
  s("pending_ops_review", "return_refund", "small", 2, ["reject", "appeal"]),
  // Back with the customer.
  s("needs_info", "return_refund", "any", 2, ["request_info"]),
  s("needs_info", "refund_only", "small", 1, ["request_info"]),
  s("needs_info", "return_refund", "high_value", 2, [{ to: "pending_ops_review" }, "request_info"]),
  s("needs_info", "exchange", "exchange", 1, ["request_info", "provide_info", "request_info"]),
  // Rejected, appeal window still open.
  s("rejected", "refund_only", "small", 2, ["reject"]),
  s("rejected", "return_refund", "any", 1, ["reject"]),
  s("rejected", "return_refund", "ops", 1, [{ to: "pending_ops_review" }, "reject"]),
  s("rejected", "return_refund", "any", 2, [{ to: "in_transit" }, "mismatch", "reject"]),
  // The parcel.
  s("awaiting_shipment", "return_refund", "small", 3, [{ to: "awaiting_shipment" }]),
  s("awaiting_shipment", "return_refund", "ops", 2, [{ to: "awaiting_shipment" }]),
  s("awaiting_shipment", "exchange", "exchange", 3, [{ to: "awaiting_shipment" }]),
  s("in_transit", "return_refund", "any", 3, [{ to: "in_transit" }]),
  s("in_transit", "return_refund", "high_value", 2, [{ to: "in_transit" }]),
  s("in_transit", "exchange", "exchange", 3, [{ to: "in_transit" }]),
  s("inspection_mismatch", "return_refund", "any", 3, [{ to: "in_transit" }, "mismatch"]),
  s("inspection_mismatch", "exchange", "exchange", 1, [{ to: "in_transit" }, "mismatch"]),
  // Money and replacements.
  s("pending_refund_approval", "return_refund", "four_eyes", 3, [{ to: "pending_refund_approval" }]),
  s("pending_refund_approval", "refund_only", "four_eyes", 1, [{ to: "pending_refund_approval" }]),
  s("pending_refund", "refund_only", "small", 2, [{ to: "pending_refund" }]),
  s("pending_refund", "return_refund", "any", 2, [{ to: "pending_refund" }]),
  s("pending_refund", "return_refund", "four_eyes", 1, [{ to: "pending_refund" }]),
  s("pending_refund", "refund_only", "small", 1, [{ to: "refunding" }, "refund_failed"]),
  // Sent to the gateway, notification not back yet.
  s("refunding", "refund_only", "small", 2, [{ to: "refunding" }]),
  s("refunding", "return_refund", "four_eyes", 1, [{ to: "refunding" }]),
  s("pending_replacement", "exchange", "exchange", 4, [{ to: "pending_replacement" }]),
  s("pending_replacement", "exchange", "exchange", 1, [{ to: "in_transit" }, "mismatch", "accept_full"]),
  // Done.
  s("completed", "refund_only", "small", 8, [{ to: "completed" }]),
  s("completed", "return_refund", "small", 8, [{ to: "completed" }]),
  s("completed", "return_refund", "ops", 5, [{ to: "completed" }]),
  s("completed", "return_refund", "high_value", 2, [{ to: "completed" }]),
  s("completed", "return_refund", "four_eyes", 3, [{ to: "completed" }]),
  s("completed", "refund_only", "four_eyes", 1, [{ to: "completed" }]),
  s("completed", "exchange", "exchange", 5, [{ to: "completed" }]),
  s("completed", "return_refund", "any", 3, ["request_info", "provide_info", { to: "completed" }]),
  s("completed", "return_refund", "any", 2, [{ to: "in_transit" }, "mismatch", "accept_partial", { to: "completed" }]),
  s("completed", "return_refund", "any", 1, [{ to: "in_transit" }, "mismatch", "accept_full", { to: "completed" }]),
  s("completed", "return_refund", "small", 2, ["reject", "appeal", { to: "completed" }]),
  s("completed", "refund_only", "small", 1, [{ to: "refunding" }, "refund_failed", { to: "completed" }]),
  s("completed", "refund_only", "small", 1, ["escalate", { to: "completed" }]),
  // Withdrawn by the customer (only before the parcel is received).
  s("cancelled", "return_refund", "any", 3, ["cancel"]),
  s("cancelled", "return_refund", "small", 2, [{ to: "awaiting_shipment" }, "cancel"]),
  s("cancelled", "exchange", "exchange", 1, [{ to: "awaiting_shipment" }, "cancel"]),
  s("cancelled", "return_refund", "any", 1, [{ to: "in_transit" }, "cancel"]),
  s("cancelled", "return_refund", "any", 1, ["request_info", "cancel"]),
  // Closed by the deadline timer.
  s("closed", "return_refund", "any", 3, ["request_info", "expire"]),
  s("closed", "return_refund", "small", 3, [{ to: "awaiting_shipment" }, "expire"]),
  s("closed", "refund_only", "small", 2, ["reject", "expire"]),
];

/** The frequent returner's history: five finished requests, then a sixth that policy sends to operations. */
export const FREQUENT_RETURNER: readonly Scenario[] = [
  s("completed", "refund_only", "small", 3, [{ to: "completed" }]),
  s("completed", "return_refund", "small", 1, [{ to: "completed" }]),
  s("cancelled", "return_refund", "small", 1, ["cancel"]),
  s("pending_ops_review", "refund_only", "small", 1, [{ to: "pending_ops_review" }]),
];
