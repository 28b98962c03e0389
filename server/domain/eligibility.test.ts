import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineEligibility, type LineFacts, type OrderFacts } from "./eligibility";

const DAY = 86_400_000;
const paidAt = new Date("2025-11-01T10:00:00+08:00");
const deliveredAt = new Date("2025-11-03T15:30:00+08:00");
const soon = new Date(deliveredAt.getTime() + 2 * DAY);

function line(overrides: Partial<LineFacts> = {}): LineFacts {
  return { quantity: 3, claimedQuantity: 0, paidFen: 1000, category: { returnable: true, returnWindowDays: 7 }, ...overrides };
}
const order: OrderFacts = { paidAt, deliveredAt };

describe("lineEligibility", () => {
  it("a paid, delivered, unclaimed line inside the window is fully returnable", () => {
    expect(lineEligibility(line(), order, soon)).toEqual({
      returnableQuantity: 3,
      refundableFen: 1000,
      reason: null,
      windowEndsAt: new Date(deliveredAt.getTime() + 7 * DAY),
    });
  });

  it("an unpaid order is not returnable", () => {
    expect(lineEligibility(line(), { paidAt: null, deliveredAt: null }, soon)).toMatchObject({
      returnableQuantity: 0,
      refundableFen: 0,
      reason: "order_not_paid",
    });
  });

  it("a non-returnable category is not returnable", () => {
    expect(lineEligibility(line({ category: { returnable: false, returnWindowDays: 7 } }), order, soon)).toMatchObject({
      returnableQuantity: 0,
      refundableFen: 0,
      reason: "category_not_returnable",
    });
  });

  it("exactly at the end of the window is still returnable; one millisecond later it is not", () => {
    const end = new Date(deliveredAt.getTime() + 7 * DAY);
    const atEnd = lineEligibility(line(), order, end);
    expect(atEnd.reason).toBeNull();
    expect(atEnd.returnableQuantity).toBe(3);
    expect(atEnd.windowEndsAt).toEqual(end);
    const after = lineEligibility(line(), order, new Date(end.getTime() + 1));
    expect(after).toEqual({ returnableQuantity: 0, refundableFen: 0, reason: "return_window_passed", windowEndsAt: end });
  });

  it("the window length comes from the category (15 days here)", () => {
    const l = line({ category: { returnable: true, returnWindowDays: 15 } });
    expect(lineEligibility(l, order, new Date(deliveredAt.getTime() + 10 * DAY)).reason).toBeNull();
    expect(lineEligibility(l, order, new Date(deliveredAt.getTime() + 15 * DAY + 1)).reason).toBe("return_window_passed");
  });

  it("before delivery the window has not started: returnable, no window end", () => {
    const e = lineEligibility(line(), { paidAt, deliveredAt: null }, new Date(paidAt.getTime() + 60 * DAY));
    expect(e).toEqual({ returnableQuantity: 3, refundableFen: 1000, reason: null, windowEndsAt: null });
  });

  it("a fully claimed line is not returnable", () => {
    expect(lineEligibility(line({ claimedQuantity: 3 }), order, soon)).toMatchObject({
      returnableQuantity: 0,
      refundableFen: 0,
      reason: "fully_claimed",
    });
  });

  it("a partially claimed line offers the rest at the remaining refundable amount (¥10 over 3: 3.33 claimed, 6.67 left)", () => {
    expect(lineEligibility(line({ claimedQuantity: 1 }), order, soon)).toMatchObject({
      returnableQuantity: 2,
      refundableFen: 667,
      reason: null,
    });
    expect(lineEligibility(line({ claimedQuantity: 2 }), order, soon)).toMatchObject({ returnableQuantity: 1, refundableFen: 334 });
  });

  it("reasons are checked in order: payment, category, window, claims", () => {
    const late = new Date(deliveredAt.getTime() + 30 * DAY);
    const everythingWrong = line({ claimedQuantity: 3, category: { returnable: false, returnWindowDays: 7 } });
    expect(lineEligibility(everythingWrong, { paidAt: null, deliveredAt }, late).reason).toBe("order_not_paid");
    expect(lineEligibility(everythingWrong, order, late).reason).toBe("category_not_returnable");
    expect(lineEligibility(line({ claimedQuantity: 3 }), order, late).reason).toBe("return_window_passed");
  });

  it("property: returnable units and amount are what is left after earlier claims", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.nat(),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: -5 * DAY, max: 40 * DAY }),
        (paidFen, quantity, c, windowDays, offset) => {
          const claimedQuantity = c % (quantity + 1);
          const l = line({ paidFen, quantity, claimedQuantity, category: { returnable: true, returnWindowDays: windowDays } });
          const now = new Date(deliveredAt.getTime() + offset);
          const e = lineEligibility(l, order, now);
          expect(e.windowEndsAt?.getTime()).toBe(deliveredAt.getTime() + windowDays * DAY);
          if (offset > windowDays * DAY) {
            expect(e).toMatchObject({ reason: "return_window_passed", returnableQuantity: 0, refundableFen: 0 });
          } else if (claimedQuantity === quantity) {
            expect(e).toMatchObject({ reason: "fully_claimed", returnableQuantity: 0, refundableFen: 0 });
          } else {
            expect(e.reason).toBeNull();
            expect(e.returnableQuantity).toBe(quantity - claimedQuantity);
            // the claimed units are the first ones, worth floor(paid × claimed / quantity)
            expect(e.refundableFen).toBe(paidFen - Math.floor((paidFen * claimedQuantity) / quantity));
            expect(e.refundableFen).toBeGreaterThanOrEqual(0);
            expect(e.refundableFen).toBeLessThanOrEqual(paidFen);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
