import type { ReturnStatus, Stage } from "./vocabulary";

/**
 * When a return slip can be printed (decision 027). The customer prints it once the request is
 * approved for shipping and until the parcel arrives; staff print it for any request that sends
 * goods back (a parcel that came without a slip gets one at the table).
 */
export type LabelRefusal =
  /** Refund only: nothing is sent back. */
  | "no_parcel"
  /** Still under review (or waiting for the customer's answer). */
  | "not_approved_yet"
  /** The warehouse has the parcel already. */
  | "goods_received"
  /** Rejected, cancelled or closed before anything was sent. */
  | "request_over";

export interface LabelScope {
  status: ReturnStatus;
  stages: readonly Stage[];
  goodsReceived: boolean;
}

const SHIPPING: readonly ReturnStatus[] = ["awaiting_shipment", "in_transit"];
const BEFORE_APPROVAL: readonly ReturnStatus[] = ["pending_cs_review", "pending_ops_review", "needs_info"];

export function labelRefusal(req: LabelScope, viewer: "customer" | "staff"): LabelRefusal | null {
  if (!req.stages.includes("customer_shipment")) return "no_parcel";
  if (viewer === "staff") return null;
  if (SHIPPING.includes(req.status) && !req.goodsReceived) return null;
  if (BEFORE_APPROVAL.includes(req.status)) return "not_approved_yet";
  if (req.goodsReceived) return "goods_received";
  return req.status === "rejected" || req.status === "cancelled" || req.status === "closed" ? "request_over" : "goods_received";
}
