import type { ReturnStatus, ReturnType } from "./vocabulary";

/** Why a scanned request is not waiting for goods; the scan station says so and changes nothing. */
export const NOT_AWAITING_REASONS = [
  "cancelled",
  "refund_only",
  "already_received",
  "rejected",
  "closed",
  "completed",
  "not_approved_yet",
] as const;
export type NotAwaitingReason = (typeof NOT_AWAITING_REASONS)[number];

/** The statuses in which the warehouse may record parcels: the goods are expected (record_parcel, receive). */
export const AWAITING_GOODS_STATUSES: readonly ReturnStatus[] = ["awaiting_shipment", "in_transit"];

/**
 * Null when the request waits for goods; otherwise the plainest reason it does not. The order
 * matters: a cancelled request says "cancelled" whatever else is true of it, a request whose
 * parcel is in says "already received" even once it is completed.
 */
export function notAwaitingReason(req: { status: ReturnStatus; type: ReturnType; goodsReceived: boolean }): NotAwaitingReason | null {
  if (req.status === "cancelled") return "cancelled";
  if (req.type === "refund_only") return "refund_only";
  if (AWAITING_GOODS_STATUSES.includes(req.status)) return null;
  if (req.status === "rejected") return "rejected";
  if (req.goodsReceived) return "already_received";
  if (req.status === "completed") return "completed";
  if (req.status === "closed") return "closed";
  return "not_approved_yet";
}
