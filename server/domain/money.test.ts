import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineEligibility } from "./eligibility";
import { assertFen, clampPartialRefund, formatYuan, refundableFen, sumFen, unitsShareFen } from "./money";

describe("assertFen", () => {
  it("accepts non-negative safe integers", () => {
    for (const v of [0, 1, 12_345, Number.MAX_SAFE_INTEGER]) expect(() => assertFen(v)).not.toThrow();
  });

  it.each([-1, 0.5, 100.01, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])("refuses %s", (v) => {
    expect(() => assertFen(v, "paidFen")).toThrow(RangeError);
    expect(() => assertFen(v, "paidFen")).toThrow(/paidFen/);
  });
});

describe("unitsShareFen", () => {
  it("splits ¥10.00 over 3 units as 3.33 / 3.33 / 3.34", () => {
    expect(unitsShareFen(1000, 3, 0, 1)).toBe(333);
    expect(unitsShareFen(1000, 3, 1, 1)).toBe(333);
    expect(unitsShareFen(1000, 3, 2, 1)).toBe(334);
    expect(unitsShareFen(1000, 3, 0, 2)).toBe(666);
    expect(unitsShareFen(1000, 3, 1, 2)).toBe(667);
    expect(unitsShareFen(1000, 3, 0, 3)).toBe(1000);
  });

  it("an evenly divisible line gives equal shares", () => {
    expect(unitsShareFen(29_900, 2, 0, 1)).toBe(14_950);
    expect(unitsShareFen(29_900, 2, 1, 1)).toBe(14_950);
  });

  it("a line cheaper than its quantity in fen (1 fen for 3 units) puts the fen on the last unit", () => {
    expect([0, 1, 2].map((i) => unitsShareFen(1, 3, i, 1))).toEqual([0, 0, 1]);
  });

  it("zero units and a free line are worth nothing", () => {
    expect(unitsShareFen(1000, 3, 1, 0)).toBe(0);
    expect(unitsShareFen(0, 5, 0, 5)).toBe(0);
  });

  it.each([
    [-1, 3, 0, 1],
    [10.5, 3, 0, 1],
    [1000, 0, 0, 0],
    [1000, 2.5, 0, 1],
    [1000, -3, 0, 1],
    [1000, 3, -1, 1],
    [1000, 3, 0, -1],
    [1000, 3, 2, 2],
    [1000, 3, 0, 4],
    [1000, 3, 0.5, 1],
  ])("refuses paidFen=%s quantity=%s from=%s count=%s", (paid, qty, from, count) => {
    expect(() => unitsShareFen(paid, qty, from, count)).toThrow(RangeError);
  });

  it("refundableFen is the share of the next units after those already claimed", () => {
    expect(refundableFen({ paidFen: 1000, quantity: 3 }, 1, 2)).toBe(667);
    expect(refundableFen({ paidFen: 1000, quantity: 3 }, 0, 1)).toBe(333);
    expect(() => refundableFen({ paidFen: 1000, quantity: 3 }, 3, 1)).toThrow(RangeError);
  });

  // Regression: paidFen × quantity above 2^53 lost a fen when the split was computed in floating point.
  it("a whole line is worth exactly paidFen even for huge amounts", () => {
    const paid = 123_456_789_012_345;
    const qty = 97;
    let whole: number;
    try {
      whole = unitsShareFen(paid, qty, 0, qty);
    } catch (e) {
      if (e instanceof RangeError) return;
      throw e;
    }
    expect(whole).toBe(paid);
  });
});

/** Random line (realistic amounts, up to ¥100 000 000) with a random split of its units into consecutive claims. */
const lineWithSplitArb = fc
  .record({
    paidFen: fc.oneof(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 1000 })),
    quantity: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 500 })),
  })
  .chain((line) =>
    // cut points strictly inside the line; fc.subarray keeps them in increasing order
    fc.subarray(Array.from({ length: line.quantity - 1 }, (_, i) => i + 1)).map((cuts) => ({ ...line, cuts })),
  );

describe("property: splitting a line", () => {
  it("any sequence of partial claims sums to exactly what was paid, every share ≥ 0", () => {
    fc.assert(
      fc.property(
        lineWithSplitArb,
        ({ paidFen, quantity, cuts }) => {
          const bounds = [0, ...cuts, quantity];
          const shares: number[] = [];
          for (let i = 1; i < bounds.length; i++) {
            const from = bounds[i - 1]!;
            const count = bounds[i]! - from;
            shares.push(unitsShareFen(paidFen, quantity, from, count));
          }
          for (const s of shares) {
            expect(Number.isInteger(s)).toBe(true);
            expect(s).toBeGreaterThanOrEqual(0);
          }
          expect(shares.reduce((a, b) => a + b, 0)).toBe(paidFen);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("each claim is within one fen of its proportional value; single units differ by at most one fen", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.nat(),
        fc.nat(),
        (paidFen, quantity, a, b) => {
          const from = a % quantity;
          const count = b % (quantity - from + 1);
          const share = unitsShareFen(paidFen, quantity, from, count);
          expect(Math.abs(share - (paidFen * count) / quantity)).toBeLessThan(1);
          const unit = unitsShareFen(paidFen, quantity, from, Math.min(1, quantity - from));
          if (quantity - from >= 1) {
            expect(unit).toBeGreaterThanOrEqual(Math.floor(paidFen / quantity));
            expect(unit).toBeLessThanOrEqual(Math.ceil(paidFen / quantity));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("property: refunds of an order never exceed what was paid", () => {
  const orderArb = fc.record({
    lines: fc.array(fc.record({ paidFen: fc.integer({ min: 0, max: 5_000_000 }), quantity: fc.integer({ min: 1, max: 20 }) }), {
      minLength: 1,
      maxLength: 5,
    }),
    claims: fc.array(
      fc.record({
        line: fc.nat(),
        count: fc.integer({ min: 1, max: 20 }),
        /** null: full refund; otherwise a deduction as a fraction (per mille) of the requested amount */
        deductionPermille: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
        /** a deduction attempt larger than the requested amount, which must be refused */
        overDeduct: fc.boolean(),
      }),
      { maxLength: 40 },
    ),
  });

  it("simulated claims with partial refunds and deductions", () => {
    const delivered = new Date("2025-11-01T00:00:00Z");
    const now = new Date("2025-11-03T00:00:00Z");
    fc.assert(
      fc.property(orderArb, ({ lines, claims }) => {
        const totalPaid = sumFen(lines.map((l) => l.paidFen));
        const claimed = lines.map(() => 0);
        const requestedPerLine = lines.map(() => 0);
        const refunds: number[] = [];
        let deductions = 0;
        for (const c of claims) {
          const idx = c.line % lines.length;
          const line = lines[idx]!;
          const elig = lineEligibility(
            { ...line, claimedQuantity: claimed[idx]!, category: { returnable: true, returnWindowDays: 7 } },
            { paidAt: delivered, deliveredAt: delivered },
            now,
          );
          // eligibility offers exactly what is left of the line
          expect(elig.refundableFen).toBe(line.paidFen - requestedPerLine[idx]!);
          if (elig.returnableQuantity === 0) {
            expect(elig.reason).toBe("fully_claimed");
            expect(() => refundableFen(line, claimed[idx]!, 1)).toThrow(RangeError);
            continue;
          }
          const count = Math.min(c.count, elig.returnableQuantity);
          const requested = refundableFen(line, claimed[idx]!, count);
          expect(requested).toBeLessThanOrEqual(elig.refundableFen);
          if (c.overDeduct) expect(() => clampPartialRefund(requested, requested + 1)).toThrow(RangeError);
          const deduction = c.deductionPermille === null ? 0 : Math.floor((requested * c.deductionPermille) / 1000);
          const refund = clampPartialRefund(requested, deduction);
          expect(refund).toBe(requested - deduction);
          expect(refund).toBeGreaterThanOrEqual(0);
          refunds.push(refund);
          deductions += deduction;
          claimed[idx]! += count;
          requestedPerLine[idx]! += requested;
          expect(sumFen(refunds)).toBeLessThanOrEqual(totalPaid);
        }
        // refunded + deducted + still unclaimed is exactly what was paid: nothing lost, nothing created
        const unclaimed = sumFen(lines.map((l, i) => (claimed[i]! < l.quantity ? refundableFen(l, claimed[i]!, l.quantity - claimed[i]!) : 0)));
        expect(sumFen(refunds) + deductions + unclaimed).toBe(totalPaid);
      }),
      { numRuns: 500 },
    );
  });
});

describe("clampPartialRefund", () => {
  it("subtracts the deduction", () => {
    expect(clampPartialRefund(10_000, 2_500)).toBe(7_500);
    expect(clampPartialRefund(10_000, 0)).toBe(10_000);
    expect(clampPartialRefund(10_000, 10_000)).toBe(0);
  });

  it("refuses a deduction larger than the request, negative or fractional amounts", () => {
    expect(() => clampPartialRefund(10_000, 10_001)).toThrow(RangeError);
    expect(() => clampPartialRefund(10_000, -1)).toThrow(RangeError);
    expect(() => clampPartialRefund(-1, 0)).toThrow(RangeError);
    expect(() => clampPartialRefund(100.5, 0)).toThrow(RangeError);
    expect(() => clampPartialRefund(100, 0.5)).toThrow(RangeError);
  });
});

describe("sumFen", () => {
  it("adds integer fen", () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(sumFen([19_990, 10])).toBe(20_000);
  });
});

describe("formatYuan", () => {
  it.each([
    [12_345, "123.45"],
    [0, "0.00"],
    [5, "0.05"],
    [50, "0.50"],
    [100, "1.00"],
    [20_000, "200.00"],
    [100_000_001, "1000000.01"],
    [-150, "-1.50"],
    [-5, "-0.05"],
  ])("%i fen → %s", (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it("property: round-trips through parsing the yuan text back to fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (fen) => {
        const text = formatYuan(fen);
        expect(text).toMatch(/^-?\d+\.\d{2}$/);
        const [whole, cents] = text.replace("-", "").split(".") as [string, string];
        const back = (Number(whole) * 100 + Number(cents)) * (text.startsWith("-") ? -1 : 1);
        expect(back).toBe(fen);
      }),
    );
  });
});
