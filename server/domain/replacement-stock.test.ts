import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, nextDeadline } from "./policy";
import { availableUnits, convertedRoute, holdsReplacement, replacementShort, reservationMove } from "./replacement-stock";
import { RETURN_STATUSES, RETURN_TYPES } from "./vocabulary";

const exchange = (status: (typeof RETURN_STATUSES)[number]) => ({ type: "exchange" as const, status });

describe("reservationMove", () => {
  it("reserves when an exchange leaves review for the shipping stages or (after an upheld appeal) the replacement", () => {
    expect(reservationMove("approve", exchange("pending_cs_review"), exchange("awaiting_shipment"))).toBe("reserve");
    expect(reservationMove("approve", exchange("pending_ops_review"), exchange("awaiting_shipment"))).toBe("reserve");
    expect(reservationMove("approve", exchange("pending_ops_review"), exchange("pending_replacement"))).toBe("reserve");
    // The first of two reviews does not reserve yet.
    expect(reservationMove("approve", exchange("pending_cs_review"), exchange("pending_ops_review"))).toBeNull();
  });

  it("releases on cancel, reject, close and conversion; takes on shipment; keeps it through shipping and inspection", () => {
    expect(reservationMove("cancel", exchange("awaiting_shipment"), exchange("cancelled"))).toBe("release");
    expect(reservationMove("cancel", exchange("in_transit"), exchange("cancelled"))).toBe("release");
    expect(reservationMove("expire", exchange("awaiting_shipment"), exchange("closed"))).toBe("release");
    expect(reservationMove("reject", exchange("inspection_mismatch"), exchange("rejected"))).toBe("release");
    expect(reservationMove("convert_to_refund", exchange("pending_cs_review"), { type: "return_refund", status: "pending_cs_review" })).toBe("release");
    expect(reservationMove("ship_replacement", exchange("pending_replacement"), exchange("completed"))).toBe("take");
    expect(reservationMove("ship", exchange("awaiting_shipment"), exchange("in_transit"))).toBeNull();
    expect(reservationMove("receive", exchange("in_transit"), exchange("pending_replacement"))).toBeNull();
    expect(reservationMove("accept_full", exchange("inspection_mismatch"), exchange("pending_replacement"))).toBeNull();
  });

  it("never touches stock for a refund or a return", () => {
    fc.assert(
      fc.property(fc.constantFrom(...RETURN_TYPES.filter((t) => t !== "exchange")), fc.constantFrom(...RETURN_STATUSES), fc.constantFrom(...RETURN_STATUSES), (type, from, to) => {
        expect(reservationMove("approve", { type, status: from }, { type, status: to })).toBeNull();
        expect(holdsReplacement(type, to)).toBe(false);
      }),
    );
  });
});

describe("replacementShort", () => {
  it("a line with its own reservation is never short; without one, free units must cover it", () => {
    expect(replacementShort({ quantity: 1, reservedForIt: true, stock: 1, reserved: 1 })).toBe(false);
    expect(replacementShort({ quantity: 1, reservedForIt: false, stock: 1, reserved: 1 })).toBe(true);
    expect(replacementShort({ quantity: 2, reservedForIt: false, stock: 3, reserved: 1 })).toBe(false);
    expect(replacementShort({ quantity: 3, reservedForIt: false, stock: 3, reserved: 1 })).toBe(true);
    expect(availableUnits({ stock: 0, reserved: 0 })).toBe(0);
  });
});

describe("convertedRoute", () => {
  const exchangeRoute = { stages: ["cs_review" as const, "customer_shipment" as const, "warehouse_inspection" as const, "replacement" as const], matchedRules: [] };

  it("puts the refund where the replacement was", () => {
    expect(convertedRoute(exchangeRoute, DEFAULT_POLICY, { amountFen: 80_00, categories: [] }).stages).toEqual(["cs_review", "customer_shipment", "warehouse_inspection", "refund"]);
  });

  it("adds the second finance approval the policy asks for at this amount, and names the rule", () => {
    const r = convertedRoute(exchangeRoute, DEFAULT_POLICY, { amountFen: 2500_00, categories: [] });
    expect(r.stages).toEqual(["cs_review", "customer_shipment", "warehouse_inspection", "refund_approval", "refund"]);
    expect(r.matchedRules).toEqual(["four-eyes-over-2000"]);
  });
});

describe("nextDeadline", () => {
  it("a step that keeps the status keeps its clock", () => {
    const current = new Date("2026-11-30T10:00:00Z");
    expect(nextDeadline("pending_cs_review", "pending_cs_review", DEFAULT_POLICY, new Date("2026-11-30T12:00:00Z"), current)).toBe(current);
  });
});
