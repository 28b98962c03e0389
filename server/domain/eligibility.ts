import { refundableFen } from "./money";

export type IneligibleReason = "order_not_paid" | "category_not_returnable" | "return_window_passed" | "fully_claimed";

export interface LineFacts {
  quantity: number;
  /** Units held by open or finished requests (released again on cancel / reject / close). */
  claimedQuantity: number;
  paidFen: number;
  category: { returnable: boolean; returnWindowDays: number };
}

export interface OrderFacts {
  paidAt: Date | null;
  /** The return window starts on delivery; before delivery it has not started. */
  deliveredAt: Date | null;
}

export interface LineEligibility {
  returnableQuantity: number;
  /** Refund for all returnable units, in fen. */
  refundableFen: number;
  reason: IneligibleReason | null;
  windowEndsAt: Date | null;
}

const DAY = 86_400_000;

/** What part of an order line the customer may still return, and why not when nothing. */
export function lineEligibility(line: LineFacts, order: OrderFacts, now: Date): LineEligibility {
  const windowEndsAt = order.deliveredAt ? new Date(order.deliveredAt.getTime() + line.category.returnWindowDays * DAY) : null;
  const none = (reason: IneligibleReason): LineEligibility => ({ returnableQuantity: 0, refundableFen: 0, reason, windowEndsAt });
  if (!order.paidAt) return none("order_not_paid");
  if (!line.category.returnable) return none("category_not_returnable");
  if (windowEndsAt && now.getTime() > windowEndsAt.getTime()) return none("return_window_passed");
  const left = line.quantity - line.claimedQuantity;
  if (left <= 0) return none("fully_claimed");
  return { returnableQuantity: left, refundableFen: refundableFen(line, line.claimedQuantity, left), reason: null, windowEndsAt };
}
