import { unitsShareFen } from "@/server/domain/money";
import type { LineView } from "./view";

/**
 * The refund for `count` more units of a line, by the server's own arithmetic: the units already
 * claimed are the first ones, so the next `count` are priced from there (no fen lost or made).
 */
export function lineRefundFen(line: Pick<LineView, "paidFen" | "quantity" | "returnableQuantity">, count: number): number {
  const claimed = line.quantity - line.returnableQuantity;
  return unitsShareFen(line.paidFen, line.quantity, claimed, Math.min(count, line.returnableQuantity));
}
