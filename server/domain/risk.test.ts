import { describe, expect, it } from "vitest";
import {
  AMOUNT_FLOOR_FEN,
  AMOUNT_MULTIPLE,
  HIGH_RETURN_RATE,
  MIN_EARLIER_FOR_AVERAGE,
  MIN_RETURNS_FOR_RATE,
  riskSignals,
  type RiskFacts,
} from "./risk";

/** A customer with nothing to worry about: many orders, this one return, no history. */
const calm: RiskFacts = {
  orders: 10,
  returns: 1,
  earlierRejections: 0,
  earlierMismatches: 0,
  requestedFen: 9_900,
  earlierRequestedFen: [],
  sharedContacts: [],
};
const names = (f: Partial<RiskFacts>) => riskSignals({ ...calm, ...f }).map((s) => s.name);

describe("riskSignals", () => {
  it("fires nothing for a calm customer", () => {
    expect(riskSignals(calm)).toEqual([]);
  });

  describe("high return rate", () => {
    it("fires just above the threshold, with its figures", () => {
      // 3 returns over 5 orders = 0.6 > 0.5
      expect(riskSignals({ ...calm, orders: 5, returns: 3 })).toEqual([
        { name: "high_return_rate", returns: 3, orders: 5, rate: 0.6, threshold: HIGH_RETURN_RATE },
      ]);
    });

    it("does not fire exactly at the threshold", () => {
      expect(names({ orders: 6, returns: 3 })).toEqual([]);
      expect(3 / 6).toBe(HIGH_RETURN_RATE);
    });

    it("needs at least MIN_RETURNS_FOR_RATE returns: one order, one return is ordinary", () => {
      expect(MIN_RETURNS_FOR_RATE).toBe(3);
      expect(names({ orders: 1, returns: 1 })).toEqual([]);
      expect(names({ orders: 2, returns: 2 })).toEqual([]);
      expect(names({ orders: 3, returns: 3 })).toEqual(["high_return_rate"]);
    });

    it("no orders on record gives no rate rather than a division by zero", () => {
      expect(names({ orders: 0, returns: 5 })).toEqual([]);
    });
  });

  describe("earlier rejections and mismatches", () => {
    it("fire from the first one, with the count", () => {
      expect(names({ earlierRejections: 0, earlierMismatches: 0 })).toEqual([]);
      expect(riskSignals({ ...calm, earlierRejections: 1 })).toEqual([{ name: "earlier_rejections", count: 1 }]);
      expect(riskSignals({ ...calm, earlierMismatches: 2 })).toEqual([{ name: "earlier_mismatches", count: 2 }]);
    });
  });

  describe("amount far above the average", () => {
    const earlier = [10_000, 10_000];

    it("fires above AMOUNT_MULTIPLE × the earlier average, with its figures", () => {
      expect(riskSignals({ ...calm, requestedFen: 30_001, earlierRequestedFen: earlier })).toEqual([
        { name: "amount_above_average", requestedFen: 30_001, averageFen: 10_000, multiple: 3.0001, threshold: AMOUNT_MULTIPLE },
      ]);
    });

    it("does not fire at exactly the multiple", () => {
      expect(names({ requestedFen: 30_000, earlierRequestedFen: earlier })).toEqual([]);
    });

    it("needs MIN_EARLIER_FOR_AVERAGE earlier requests as a baseline", () => {
      expect(MIN_EARLIER_FOR_AVERAGE).toBe(2);
      expect(names({ requestedFen: 1_000_000, earlierRequestedFen: [1_000] })).toEqual([]);
      expect(names({ requestedFen: 1_000_000, earlierRequestedFen: [1_000, 1_000] })).toEqual(["amount_above_average"]);
    });

    it("ignores amounts below the floor however large the multiple", () => {
      expect(names({ requestedFen: AMOUNT_FLOOR_FEN - 1, earlierRequestedFen: [100, 100] })).toEqual([]);
      expect(names({ requestedFen: AMOUNT_FLOOR_FEN, earlierRequestedFen: [100, 100] })).toEqual(["amount_above_average"]);
    });

    it("after an average of ¥0 fires without a ratio", () => {
      expect(riskSignals({ ...calm, requestedFen: AMOUNT_FLOOR_FEN, earlierRequestedFen: [0, 0] })).toEqual([
        { name: "amount_above_average", requestedFen: AMOUNT_FLOOR_FEN, averageFen: 0, multiple: null, threshold: AMOUNT_MULTIPLE },
      ]);
    });

    it("rounds the average to whole fen", () => {
      const [s] = riskSignals({ ...calm, requestedFen: 100_000, earlierRequestedFen: [1, 2] });
      expect(s).toMatchObject({ averageFen: 2 });
    });
  });

  describe("shared contact", () => {
    it("lists only the fields other customers share", () => {
      expect(
        riskSignals({
          ...calm,
          sharedContacts: [
            { field: "phone", otherCustomers: 0 },
            { field: "return_tracking", otherCustomers: 2 },
          ],
        }),
      ).toEqual([{ name: "shared_contact", fields: [{ field: "return_tracking", otherCustomers: 2 }] }]);
    });

    it("does not fire when nobody else shares anything", () => {
      expect(names({ sharedContacts: [{ field: "address", otherCustomers: 0 }] })).toEqual([]);
    });
  });

  it("reports every signal that fired, in a fixed order", () => {
    expect(
      names({
        orders: 3,
        returns: 3,
        earlierRejections: 1,
        earlierMismatches: 1,
        requestedFen: 100_000,
        earlierRequestedFen: [1_000, 1_000],
        sharedContacts: [{ field: "phone", otherCustomers: 1 }],
      }),
    ).toEqual(["high_return_rate", "earlier_rejections", "earlier_mismatches", "amount_above_average", "shared_contact"]);
  });
});
