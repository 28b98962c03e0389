import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstStatus, holdsItems, normaliseStages, STAGE_ENTRY_STATUS, statusAfter, type Route } from "./route";
import { RETURN_STATUSES, STAGES, type ReturnStatus, type Stage } from "./vocabulary";

const route = (...stages: Stage[]): Route => ({ stages, matchedRules: [] });

const FULL_REFUND = route("cs_review", "ops_review", "customer_shipment", "warehouse_inspection", "refund_approval", "refund");

describe("STAGE_ENTRY_STATUS", () => {
  it("maps each stage to the status that waits for it", () => {
    expect(STAGE_ENTRY_STATUS).toEqual({
      cs_review: "pending_cs_review",
      ops_review: "pending_ops_review",
      customer_shipment: "awaiting_shipment",
      warehouse_inspection: "in_transit",
      refund_approval: "pending_refund_approval",
      refund: "pending_refund",
      replacement: "pending_replacement",
    });
  });
});

describe("statusAfter", () => {
  it.each([
    ["cs_review", "pending_ops_review"],
    ["ops_review", "awaiting_shipment"],
    ["customer_shipment", "in_transit"],
    ["warehouse_inspection", "pending_refund_approval"],
    ["refund_approval", "pending_refund"],
    ["refund", "completed"],
  ] as const)("on a full refund route, after %s comes %s", (stage, expected) => {
    expect(statusAfter(FULL_REFUND, stage)).toBe(expected);
  });

  it("skips stages the route does not have", () => {
    const small = route("cs_review", "refund");
    expect(statusAfter(small, "cs_review")).toBe("pending_refund");
    const exchange = route("cs_review", "customer_shipment", "warehouse_inspection", "replacement");
    expect(statusAfter(exchange, "cs_review")).toBe("awaiting_shipment");
    expect(statusAfter(exchange, "warehouse_inspection")).toBe("pending_replacement");
    expect(statusAfter(exchange, "replacement")).toBe("completed");
  });

  it("a stage not on the route (an appeal to operations) continues with the route's next stage", () => {
    expect(statusAfter(route("cs_review", "refund"), "ops_review")).toBe("pending_refund");
    expect(statusAfter(route("cs_review", "customer_shipment", "warehouse_inspection", "refund"), "ops_review")).toBe(
      "awaiting_shipment",
    );
    expect(statusAfter(route("cs_review", "refund"), "refund_approval")).toBe("pending_refund");
    expect(statusAfter(route("cs_review", "customer_shipment", "warehouse_inspection", "replacement"), "refund_approval")).toBe(
      "pending_replacement",
    );
  });

  it("after the last stage, or on an empty route, the request is completed", () => {
    expect(statusAfter(route(), "cs_review")).toBe("completed");
    expect(statusAfter(route("cs_review"), "cs_review")).toBe("completed");
  });

  it("property: the result is the entry status of the first route stage later than the given one, else completed", () => {
    fc.assert(
      fc.property(fc.subarray([...STAGES]), fc.constantFrom(...STAGES), (stages, stage) => {
        const r = route(...stages);
        const result = statusAfter(r, stage);
        const later = stages.filter((s) => STAGES.indexOf(s) > STAGES.indexOf(stage));
        if (later.length === 0) {
          expect(result).toBe("completed");
        } else {
          expect(result).toBe(STAGE_ENTRY_STATUS[later[0]!]);
          // and never the entry status of the stage itself or of an earlier one
          const earlierOrSame = stages.filter((s) => STAGES.indexOf(s) <= STAGES.indexOf(stage)).map((s) => STAGE_ENTRY_STATUS[s]);
          expect(earlierOrSame).not.toContain(result);
        }
      }),
    );
  });
});

describe("firstStatus", () => {
  it.each([
    [["cs_review", "refund"], "pending_cs_review"],
    [["ops_review", "refund"], "pending_ops_review"],
    [["customer_shipment", "warehouse_inspection", "replacement"], "awaiting_shipment"],
    [["refund"], "pending_refund"],
    [[], "completed"],
  ] as [Stage[], ReturnStatus][])("%j starts in %s", (stages, expected) => {
    expect(firstStatus(route(...stages))).toBe(expected);
  });
});

describe("normaliseStages", () => {
  it("sorts into canonical order and drops duplicates", () => {
    expect(normaliseStages(["refund", "ops_review", "cs_review", "ops_review"])).toEqual(["cs_review", "ops_review", "refund"]);
    expect(normaliseStages(new Set<Stage>(["replacement", "warehouse_inspection", "customer_shipment"]))).toEqual([
      "customer_shipment",
      "warehouse_inspection",
      "replacement",
    ]);
    expect(normaliseStages([])).toEqual([]);
  });

  it("property: result is strictly increasing in stage order and holds exactly the input's stages", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STAGES), { maxLength: 20 }), (input) => {
        const out = normaliseStages(input);
        for (let i = 1; i < out.length; i++) expect(STAGES.indexOf(out[i]!)).toBeGreaterThan(STAGES.indexOf(out[i - 1]!));
        expect(new Set(out)).toEqual(new Set(input));
      }),
    );
  });
});

describe("holdsItems", () => {
  it("rejected, cancelled and closed requests give their items back; every other status holds them", () => {
    const released = ["rejected", "cancelled", "closed"];
    for (const s of RETURN_STATUSES) expect(holdsItems(s), s).toBe(!released.includes(s));
  });

  it("a completed request keeps holding its items (they were returned or refunded)", () => {
    expect(holdsItems("completed")).toBe(true);
    expect(holdsItems("inspection_mismatch")).toBe(true);
  });
});
