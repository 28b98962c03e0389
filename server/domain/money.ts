/**
 * Money is integer fen (分), CNY. Functions here never see a float amount.
 */

export function assertFen(value: number, what = "amount"): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer of fen, got ${value}`);
}

/**
 * The share of a line's paid amount that belongs to units [from, from + count).
 * Units are priced by cumulative floor, so any split of a line into parts adds up to exactly
 * what was paid for it: no fen is lost or created by returning items one at a time.
 */
export function unitsShareFen(paidFen: number, quantity: number, from: number, count: number): number {
  assertFen(paidFen, "paidFen");
  if (!Number.isInteger(quantity) || quantity <= 0) throw new RangeError("quantity must be a positive integer");
  if (!Number.isInteger(from) || !Number.isInteger(count) || from < 0 || count < 0 || from + count > quantity) {
    throw new RangeError(`units [${from}, ${from + count}) outside line of ${quantity}`);
  }
  // BigInt: paidFen × n can pass 2^53 for large lines, where float division would lose a fen.
  const upTo = (n: number) => (BigInt(paidFen) * BigInt(n)) / BigInt(quantity);
  return Number(upTo(from + count) - upTo(from));
}

/** Refundable amount for `count` more units of a line whose first `alreadyClaimed` units are claimed. */
export function refundableFen(line: { paidFen: number; quantity: number }, alreadyClaimed: number, count: number): number {
  return unitsShareFen(line.paidFen, line.quantity, alreadyClaimed, count);
}

export function sumFen(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Formats fen as yuan for display: 12345 → "123.45". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A partial refund: the approved amount may not exceed the requested one. */
export function clampPartialRefund(requestedFen: number, deductionFen: number): number {
  assertFen(requestedFen, "requestedFen");
  assertFen(deductionFen, "deductionFen");
  if (deductionFen > requestedFen) throw new RangeError("deduction exceeds the requested refund");
  return requestedFen - deductionFen;
}
