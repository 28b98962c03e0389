/**
 * The words of the return domain. The database enums (db/schema) are built from these lists,
 * so adding a value here and running `npm run db:generate` is the whole change. Reasons are
 * not among them: they are rows (see REASON_KINDS).
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
  // customer or staff (policy exchangeOutOfStock): an exchange whose replacement ran out becomes a refund
  "convert_to_refund",
  // warehouse, receiving (docs/decisions/028-parcels-add-up.md): one parcel recorded, an unmatched parcel linked (the goods are in)
  "record_parcel",
  "link_parcel",
  // finance
  "approve_refund",
  "refund",
  // finance, on the refund itself (docs/decisions/024-finance-refund-actions.md)
  "lower_refund",
  "retry_refund",
  "record_offline_refund",
  // system (gateway results and deadlines)
  "refund_succeeded",
  "refund_failed",
  // the gateway says the payout failed at the bank: the request stays refunding, finance acts
  "refund_abnormal",
  "escalate",
  "expire",
  // a deadline passed whose policy action is remind or alert: recorded, status unchanged (server/domain/timeouts.ts)
  "overdue",
  // submission is recorded as an event too
  "submit",
  // work in hand: who holds a request (status unchanged, recorded in the history)
  "claim",
  "release",
  "assign",
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Reasons are rows the store manager edits (db/schema/reasons.ts), of two kinds: the ones a
 * customer gives for a return line, and the ones staff give for a rejection. Their `code` is
 * stable (history events, platform mappings and old requests refer to it); names, order,
 * photo rule and retirement change. A retired reason is never deleted: old requests keep it.
 */
export const REASON_KINDS = ["customer", "rejection"] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

/** Lower-case letters, digits and underscores: safe in URLs, logs and platform mappings. */
export const REASON_CODE_PATTERN = /^[a-z0-9_]{2,40}$/;

/** A customer reason's code (a row of return_reasons with kind "customer"). */
export type ReasonCode = string;
/** A rejection reason's code (a row of return_reasons with kind "rejection"). */
export type RejectionCode = string;

export const PAYMENT_METHODS = ["alipay", "wechat_pay", "unionpay", "platform"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const CHANNEL_CODES = ["own_shop", "taobao", "jd", "douyin"] as const;
export type ChannelCode = (typeof CHANNEL_CODES)[number];

export const ITEM_CONDITIONS = ["as_new", "opened", "used", "damaged", "missing"] as const;
export type ItemCondition = (typeof ITEM_CONDITIONS)[number];

/**
 * A refund record's life (docs/decisions/021-refunds-exactly-once.md). `pending`: written and
 * queued, the gateway not yet asked; `processing`: sent, no final answer; `succeeded`: the money
 * moved; `failed` / `closed`: nothing was paid and the reservation is released (after `closed`
 * a retry needs a new refund number); `abnormal`: the payout failed at the bank and a person must
 * act, so the amount stays reserved.
 */
export const REFUND_STATUSES = ["pending", "processing", "succeeded", "failed", "closed", "abnormal"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];
/** Statuses that still hold the order's reservation and may yet pay. */
export const LIVE_REFUND_STATUSES: readonly RefundStatus[] = ["pending", "processing", "abnormal"];

/** Who moves the money: the merchant's gateway, finance by hand (bank transfer, cash), or the sales platform. */
export const REFUND_CHANNELS = ["alipay", "wechat_pay", "offline", "platform"] as const;
export type RefundChannel = (typeof REFUND_CHANNELS)[number];

/** What a refund pays back: the goods (the request's approved amount), a price difference, or postage. */
export const REFUND_KINDS = ["goods", "price_difference", "postage"] as const;
export type RefundKind = (typeof REFUND_KINDS)[number];

/**
 * Why a SKU's stock changed (stock_movements): a returned unit put back on the shelf, a
 * replacement sent to an exchange customer, or a correction by hand.
 */
export const STOCK_MOVEMENT_REASONS = ["return_restocked", "replacement_shipped", "manual_adjustment"] as const;
export type StockMovementReason = (typeof STOCK_MOVEMENT_REASONS)[number];

/**
 * What the warehouse does with a returned unit (receipt_parcel_lines): back on the shelf (adds to
 * the SKU's stock through a stock movement), set aside for a closer look, thrown away, or sent
 * for repair. Only `restock` changes the stock.
 */
export const DISPOSITIONS = ["restock", "quarantine", "scrap", "repair"] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
