/**
 * The words of the return domain. The database enums (db/schema) are built from these lists,
 * so adding a value here and running `npm run db:generate` is the whole change.
 */

export const STAFF_ROLES = ["customer_service", "operations_manager", "warehouse", "finance", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who can act on a request: the staff roles plus the customer and the deadline timer. */
export type ActorRole = StaffRole | "customer" | "system";

export const RETURN_TYPES = ["refund_only", "return_refund", "exchange"] as const;
export type ReturnType = (typeof RETURN_TYPES)[number];

/** The stages a route can hold, in the only order they can appear. */
export const STAGES = [
  "cs_review",
  "ops_review",
  "customer_shipment",
  "warehouse_inspection",
  "refund_approval",
  "refund",
  "replacement",
] as const;
export type Stage = (typeof STAGES)[number];

export const RETURN_STATUSES = [
  "pending_cs_review",
  "pending_ops_review",
  "needs_info",
  "rejected",
  "awaiting_shipment",
  "in_transit",
  "inspection_mismatch",
  "pending_refund_approval",
  "pending_refund",
  "refunding",
  "pending_replacement",
  "completed",
  "cancelled",
  "closed",
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const TERMINAL_STATUSES: readonly ReturnStatus[] = ["completed", "cancelled", "closed"];

export const ACTIONS = [
  // reviewers (customer service, operations)
  "approve",
  "reject",
  "request_info",
  // operations, after an inspection mismatch
  "accept_full",
  "accept_partial",
  // customer
  "cancel",
  "provide_info",
  "ship",
  "appeal",
  // warehouse
  "receive",
  "ship_replacement",
  // finance
  "approve_refund",
  "refund",
  // system (gateway results and deadlines)
  "refund_succeeded",
  "refund_failed",
  "escalate",
  "expire",
  // submission is recorded as an event too
  "submit",
  // work in hand: who holds a request (status unchanged, recorded in the history)
  "claim",
  "release",
  "assign",
] as const;
export type Action = (typeof ACTIONS)[number];

export const REASON_CODES = [
  "quality_problem",
  "wrong_item",
  "damaged_in_transit",
  "size_not_fit",
  "not_as_described",
  "no_longer_wanted",
  "missing_parts",
  "other",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const REJECTION_CODES = [
  "outside_return_window",
  "evidence_insufficient",
  "used_or_damaged_by_customer",
  "not_returnable_category",
  "suspected_fraud",
  "inspection_failed",
  "other",
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const PAYMENT_METHODS = ["alipay", "wechat_pay", "unionpay", "platform"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const CHANNEL_CODES = ["own_shop", "taobao", "jd", "douyin"] as const;
export type ChannelCode = (typeof CHANNEL_CODES)[number];

export const ITEM_CONDITIONS = ["as_new", "opened", "used", "damaged", "missing"] as const;
export type ItemCondition = (typeof ITEM_CONDITIONS)[number];
