import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decideRoute,
  decideRouteOverSplits,
  deadlineFor,
  DEFAULT_POLICY,
  deadlineOutcome,
  nextDeadline,
  ruleMatches,
  upgradeStoredPolicy,
  type ApprovalPolicy,
  type PolicyCondition,
  type PolicyRule,
  type RoutingInput,
  type CountedRequest,
} from "./policy";
import { transition } from "./state-machine";
import { ALLOWED_TIMEOUT_ACTIONS, DEFAULT_TIMEOUTS, TIMED_STATUSES, type TimedStatus } from "./timeouts";
import { RETURN_STATUSES, RETURN_TYPES, STAGES, type ReturnStatus, type ReturnType, type Stage } from "./vocabulary";

const YUAN = 100;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const apparel = { code: "apparel", highValue: false };
const electronics = { code: "electronics", highValue: true };
const jewellery = { code: "jewellery", highValue: true };

function input(overrides: Partial<RoutingInput> = {}): RoutingInput {
  return { type: "refund_only", amountFen: 100 * YUAN, categories: [apparel], priorReturns: 0, ...overrides };
}

function policyWith(rules: PolicyRule[]): ApprovalPolicy {
  return { ...DEFAULT_POLICY, rules };
}

describe("decideRoute with the default policy (docs/product-rules.md)", () => {
  it("≤ ¥200 refund-only, no sensitive category: customer service alone, then refund", () => {
    expect(decideRoute(DEFAULT_POLICY, input())).toEqual({ stages: ["cs_review", "refund"], matchedRules: [] });
  });

  it("exactly ¥200.00 (20000 fen) does not add operations review; 20001 fen does", () => {
    expect(decideRoute(DEFAULT_POLICY, input({ amountFen: 20_000 })).stages).toEqual(["cs_review", "refund"]);
    expect(decideRoute(DEFAULT_POLICY, input({ amountFen: 20_001 }))).toEqual({
      stages: ["cs_review", "ops_review", "refund"],
      matchedRules: ["amount-over-200"],
    });
  });

  it("a high-value category adds operations review even for a small amount", () => {
    expect(decideRoute(DEFAULT_POLICY, input({ amountFen: 50 * YUAN, categories: [apparel, electronics] }))).toEqual({
      stages: ["cs_review", "ops_review", "refund"],
      matchedRules: ["high-value-category"],
    });
  });

  it("a frequent returner (5 or more prior returns) adds operations review; 4 does not", () => {
    expect(decideRoute(DEFAULT_POLICY, input({ priorReturns: 4 })).stages).toEqual(["cs_review", "refund"]);
    expect(decideRoute(DEFAULT_POLICY, input({ priorReturns: 5 }))).toEqual({
      stages: ["cs_review", "ops_review", "refund"],
      matchedRules: ["frequent-returner"],
    });
  });

  it("return & refund has customer shipment and warehouse inspection", () => {
    expect(decideRoute(DEFAULT_POLICY, input({ type: "return_refund" })).stages).toEqual([
      "cs_review",
      "customer_shipment",
      "warehouse_inspection",
      "refund",
    ]);
  });

  it("exchange has shipment and inspection and a replacement instead of a refund", () => {
    expect(decideRoute(DEFAULT_POLICY, input({ type: "exchange" })).stages).toEqual([
      "cs_review",
      "customer_shipment",
      "warehouse_inspection",
      "replacement",
    ]);
  });

  it("above ¥2000 adds a second finance approval (four-eyes); exactly ¥2000 does not", () => {
    expect(decideRoute(DEFAULT_POLICY, input({ amountFen: 200_000 }))).toEqual({
      stages: ["cs_review", "ops_review", "refund"],
      matchedRules: ["amount-over-200"],
    });
    expect(decideRoute(DEFAULT_POLICY, input({ amountFen: 200_001, type: "return_refund" }))).toEqual({
      stages: ["cs_review", "ops_review", "customer_shipment", "warehouse_inspection", "refund_approval", "refund"],
      matchedRules: ["amount-over-200", "four-eyes-over-2000"],
    });
  });

  it("an exchange never gets refund approval, however large, and does not list the four-eyes rule", () => {
    const r = decideRoute(DEFAULT_POLICY, input({ type: "exchange", amountFen: 1_000_000 * YUAN, categories: [jewellery], priorReturns: 9 }));
    expect(r).toEqual({
      stages: ["cs_review", "ops_review", "customer_shipment", "warehouse_inspection", "replacement"],
      matchedRules: ["amount-over-200", "high-value-category", "frequent-returner"],
    });
  });

  it("lists every matching rule id in policy order, even when they add the same stage", () => {
    const r = decideRoute(DEFAULT_POLICY, input({ amountFen: 300_000, categories: [electronics], priorReturns: 6 }));
    expect(r.matchedRules).toEqual(["amount-over-200", "high-value-category", "frequent-returner", "four-eyes-over-2000"]);
    expect(r.stages).toEqual(["cs_review", "ops_review", "refund_approval", "refund"]);
  });

  it("a request with no categories is not high-value", () => {
    expect(decideRoute(DEFAULT_POLICY, input({ categories: [] })).stages).toEqual(["cs_review", "refund"]);
  });

  it("does not mutate the policy", () => {
    const before = structuredClone(DEFAULT_POLICY);
    decideRoute(DEFAULT_POLICY, input({ amountFen: 999_999, type: "return_refund", categories: [electronics] }));
    expect(DEFAULT_POLICY).toEqual(before);
  });
});

describe("decideRoute with custom policies", () => {
  const opsForShoes: PolicyRule = { id: "shoes", description: "", when: { categoryIn: ["shoes"] }, addStages: ["ops_review"] };

  it("categoryIn matches when any line's category is listed", () => {
    const p = policyWith([opsForShoes]);
    expect(decideRoute(p, input({ categories: [apparel] })).stages).toEqual(["cs_review", "refund"]);
    expect(decideRoute(p, input({ categories: [apparel, { code: "shoes", highValue: false }] }))).toEqual({
      stages: ["cs_review", "ops_review", "refund"],
      matchedRules: ["shoes"],
    });
  });

  it("typeIn restricts a rule to some request types", () => {
    const p = policyWith([{ id: "rr-ops", description: "", when: { typeIn: ["return_refund"] }, addStages: ["ops_review"] }]);
    expect(decideRoute(p, input({ type: "refund_only" })).matchedRules).toEqual([]);
    expect(decideRoute(p, input({ type: "exchange" })).matchedRules).toEqual([]);
    expect(decideRoute(p, input({ type: "return_refund" }))).toEqual({
      stages: ["cs_review", "ops_review", "customer_shipment", "warehouse_inspection", "refund"],
      matchedRules: ["rr-ops"],
    });
  });

  it("priorReturnsAtLeast is inclusive", () => {
    const p = policyWith([{ id: "freq", description: "", when: { priorReturnsAtLeast: 2 }, addStages: ["ops_review"] }]);
    expect(decideRoute(p, input({ priorReturns: 1 })).matchedRules).toEqual([]);
    expect(decideRoute(p, input({ priorReturns: 2 })).matchedRules).toEqual(["freq"]);
  });

  it("all conditions of a rule must hold", () => {
    const p = policyWith([
      { id: "big-shoes", description: "", when: { categoryIn: ["shoes"], amountAboveFen: 500 * YUAN, typeIn: ["refund_only"] }, addStages: ["refund_approval"] },
    ]);
    const shoes = { code: "shoes", highValue: false };
    expect(decideRoute(p, input({ categories: [shoes], amountFen: 500 * YUAN })).matchedRules).toEqual([]);
    expect(decideRoute(p, input({ categories: [apparel], amountFen: 600 * YUAN })).matchedRules).toEqual([]);
    expect(decideRoute(p, input({ categories: [shoes], amountFen: 600 * YUAN, type: "return_refund" })).matchedRules).toEqual([]);
    expect(decideRoute(p, input({ categories: [shoes], amountFen: 600 * YUAN }))).toEqual({
      stages: ["cs_review", "refund_approval", "refund"],
      matchedRules: ["big-shoes"],
    });
  });

  it("anyCategoryHighValue: false matches only requests without a high-value category", () => {
    const p = policyWith([{ id: "ordinary", description: "", when: { anyCategoryHighValue: false }, addStages: ["ops_review"] }]);
    expect(decideRoute(p, input({ categories: [apparel] })).matchedRules).toEqual(["ordinary"]);
    expect(decideRoute(p, input({ categories: [apparel, jewellery] })).matchedRules).toEqual([]);
  });

  it("a rule that would only add refund approval to an exchange does not match visibly", () => {
    const p = policyWith([
      { id: "fe", description: "", when: {}, addStages: ["refund_approval"] },
      { id: "both", description: "", when: {}, addStages: ["ops_review", "refund_approval"] },
    ]);
    expect(decideRoute(p, input({ type: "exchange" }))).toEqual({
      stages: ["cs_review", "ops_review", "customer_shipment", "warehouse_inspection", "replacement"],
      matchedRules: ["both"],
    });
  });

  it("no rules: the base route of the type", () => {
    const p = policyWith([]);
    expect(decideRoute(p, input({ amountFen: 10_000_000, categories: [electronics], priorReturns: 50 }))).toEqual({
      stages: ["cs_review", "refund"],
      matchedRules: [],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// properties
// ---------------------------------------------------------------------------------------------

const BASE: Record<ReturnType, Stage[]> = {
  refund_only: ["cs_review", "refund"],
  return_refund: ["cs_review", "customer_shipment", "warehouse_inspection", "refund"],
  exchange: ["cs_review", "customer_shipment", "warehouse_inspection", "replacement"],
};

/** The condition semantics, written independently of policy.ts. */
function holds(when: PolicyCondition, i: RoutingInput): boolean {
  const anyHigh = i.categories.some((c) => c.highValue);
  return (
    (when.amountAboveFen === undefined || i.amountFen > when.amountAboveFen) &&
    (when.anyCategoryHighValue === undefined || anyHigh === when.anyCategoryHighValue) &&
    (when.categoryIn === undefined || i.categories.some((c) => when.categoryIn!.includes(c.code))) &&
    (when.typeIn === undefined || when.typeIn.includes(i.type)) &&
    (when.priorReturnsAtLeast === undefined || i.priorReturns >= when.priorReturnsAtLeast)
  );
}

const CODES = ["apparel", "shoes", "electronics", "jewellery", "food"];
const amountArb = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.constantFrom(0, 19_999, 20_000, 20_001, 199_999, 200_000, 200_001),
);
const inputArb: fc.Arbitrary<RoutingInput> = fc.record({
  type: fc.constantFrom(...RETURN_TYPES),
  amountFen: amountArb,
  categories: fc.array(fc.record({ code: fc.constantFrom(...CODES), highValue: fc.boolean() }), { maxLength: 4 }),
  priorReturns: fc.integer({ min: 0, max: 12 }),
});

const conditionArb: fc.Arbitrary<PolicyCondition> = fc.record(
  {
    amountAboveFen: amountArb,
    anyCategoryHighValue: fc.boolean(),
    categoryIn: fc.subarray(CODES),
    typeIn: fc.subarray([...RETURN_TYPES]),
    priorReturnsAtLeast: fc.integer({ min: 0, max: 12 }),
  },
  { requiredKeys: [] },
);
const rulesArb: fc.Arbitrary<PolicyRule[]> = fc
  .array(
    fc.record({
      when: conditionArb,
      addStages: fc.subarray(["ops_review", "refund_approval"] as ("ops_review" | "refund_approval")[]),
    }),
    { maxLength: 6 },
  )
  .map((rules) => rules.map((r, i) => ({ id: `rule-${i}`, description: "", ...r })));

describe("properties of decideRoute", () => {
  it("default policy: stages and matched rules are exactly what docs/product-rules.md says", () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const big = i.amountFen > 200 * YUAN;
        const high = i.categories.some((c) => c.highValue);
        const frequent = i.priorReturns >= 5;
        const fourEyes = i.amountFen > 2000 * YUAN && i.type !== "exchange";
        const expectedStages = STAGES.filter(
          (s) => BASE[i.type].includes(s) || (s === "ops_review" && (big || high || frequent)) || (s === "refund_approval" && fourEyes),
        );
        const expectedRules = [
          big && "amount-over-200",
          high && "high-value-category",
          frequent && "frequent-returner",
          fourEyes && "four-eyes-over-2000",
        ].filter(Boolean);
        expect(decideRoute(DEFAULT_POLICY, i)).toEqual({ stages: expectedStages, matchedRules: expectedRules });
      }),
      { numRuns: 500 },
    );
  });

  it("any policy: base route kept, canonical order, refund approval only with a refund, every matched rule holds", () => {
    fc.assert(
      fc.property(rulesArb, inputArb, (rules, i) => {
        const r = decideRoute(policyWith(rules), i);
        // canonical order, no duplicates
        for (let k = 1; k < r.stages.length; k++) expect(STAGES.indexOf(r.stages[k]!)).toBeGreaterThan(STAGES.indexOf(r.stages[k - 1]!));
        for (const s of BASE[i.type]) expect(r.stages).toContain(s);
        expect(r.stages.includes("refund") && r.stages.includes("replacement")).toBe(false);
        if (i.type === "exchange") expect(r.stages).not.toContain("refund_approval");
        // matched rules: exactly the rules that hold and add something applicable, in policy order
        const applicable = (rule: PolicyRule) => rule.addStages.some((s) => s === "ops_review" || i.type !== "exchange");
        expect(r.matchedRules).toEqual(rules.filter((rule) => holds(rule.when, i) && applicable(rule)).map((rule) => rule.id));
        // every extra stage comes from a matched rule, every matched rule's stages are present
        const added = new Set(rules.filter((rule) => r.matchedRules.includes(rule.id)).flatMap((rule) => rule.addStages));
        for (const s of r.stages) expect(BASE[i.type].includes(s) || added.has(s as "ops_review")).toBe(true);
        for (const s of added) if (s === "ops_review" || i.type !== "exchange") expect(r.stages).toContain(s);
      }),
      { numRuns: 500 },
    );
  });

  it("ruleMatches agrees with the independent reading of the conditions", () => {
    fc.assert(fc.property(conditionArb, inputArb, (when, i) => {
      expect(ruleMatches(when, i)).toBe(holds(when, i));
    }), { numRuns: 1000 });
  });
});

describe("decideRouteOverSplits: splitting a return never avoids a stage (decision 017)", () => {
  const piece = (amountFen: number, categories = [apparel]): CountedRequest => ({ amountFen, categories });

  it("a ¥5,000 return split into three requests under ¥2,000: the one that brings the whole over ¥2,000 needs a second finance approver", () => {
    const first = decideRouteOverSplits(DEFAULT_POLICY, input({ amountFen: 1900 * YUAN }), []);
    expect(first.stages).not.toContain("refund_approval");
    const second = decideRouteOverSplits(DEFAULT_POLICY, input({ amountFen: 1900 * YUAN, priorReturns: 1 }), [piece(1900 * YUAN)]);
    expect(second).toEqual({
      stages: ["cs_review", "ops_review", "refund_approval", "refund"],
      matchedRules: ["amount-over-200", "four-eyes-over-2000"],
      counted: { requests: 2, amountFen: 3800 * YUAN },
    });
    const third = decideRouteOverSplits(DEFAULT_POLICY, input({ amountFen: 1200 * YUAN, priorReturns: 2 }), [piece(1900 * YUAN), piece(1900 * YUAN)]);
    expect(third.stages).toContain("refund_approval");
    // Each request alone would have skipped the second approver: what the split used to win.
    expect(decideRoute(DEFAULT_POLICY, input({ amountFen: 1200 * YUAN, priorReturns: 2 })).stages).not.toContain("refund_approval");
  });

  it("five ¥200 requests: from the second on, operations review", () => {
    const routes = [0, 1, 2, 3, 4].map((i) =>
      decideRouteOverSplits(DEFAULT_POLICY, input({ amountFen: 200 * YUAN, priorReturns: i }), Array.from({ length: i }, () => piece(200 * YUAN))),
    );
    expect(routes.map((r) => r.stages.includes("ops_review"))).toEqual([false, true, true, true, true]);
    expect(routes[1]!.counted).toEqual({ requests: 2, amountFen: 400 * YUAN });
  });

  it("nothing counted, or nothing added by counting: the route alone, unchanged", () => {
    expect(decideRouteOverSplits(DEFAULT_POLICY, input(), [])).toEqual(decideRoute(DEFAULT_POLICY, input()));
    expect(decideRouteOverSplits(DEFAULT_POLICY, input({ amountFen: 50 * YUAN }), [piece(50 * YUAN)])).toEqual({ stages: ["cs_review", "refund"], matchedRules: [] });
  });

  it("categories join: a rule on a category and an amount holds for the whole", () => {
    const p = policyWith([{ id: "shoes-over-500", description: "", when: { categoryIn: ["shoes"], amountAboveFen: 500 * YUAN }, addStages: ["ops_review"] }]);
    const shoes = { code: "shoes", highValue: false };
    const r = decideRouteOverSplits(p, input({ amountFen: 300 * YUAN, categories: [apparel] }), [piece(400 * YUAN, [shoes])]);
    expect(r.matchedRules).toEqual(["shoes-over-500"]);
  });

  it("an exchange never gets refund approval, however much is counted", () => {
    const r = decideRouteOverSplits(DEFAULT_POLICY, input({ type: "exchange", amountFen: 100 * YUAN }), [piece(5000 * YUAN)]);
    expect(r.stages).toEqual(["cs_review", "ops_review", "customer_shipment", "warehouse_inspection", "replacement"]);
  });

  /**
   * The property: for any split of the same units into several requests filed one after
   * another (each counted with those before it, each one more prior return), the last request
   * carries every stage the whole would get as one request, and every request carries every
   * stage the part filed so far would get as one. Under the default policy and any policy.
   */
  // A category is high-value or not (the categories table says which), the same in every request.
  const CATEGORIES = [apparel, electronics, jewellery, { code: "shoes", highValue: false }, { code: "food", highValue: false }];
  const unitArb = fc.record({ amountFen: fc.integer({ min: 0, max: 400_000 }), category: fc.constantFrom(...CATEGORIES) });
  const splitArb = fc
    .record({
      units: fc.array(unitArb, { minLength: 1, maxLength: 8 }),
      parts: fc.integer({ min: 1, max: 5 }),
      seed: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      type: fc.constantFrom(...RETURN_TYPES),
      priorReturns: fc.integer({ min: 0, max: 8 }),
    })
    .map(({ units, parts, seed, type, priorReturns }) => {
      // Every unit goes to one part; empty parts are dropped (a request has at least one line).
      const buckets: (typeof units)[] = Array.from({ length: parts }, () => []);
      units.forEach((u, i) => buckets[seed[i]! % parts]!.push(u));
      return { units, pieces: buckets.filter((b) => b.length > 0), type, priorReturns };
    });
  const asInput = (units: { amountFen: number; category: { code: string; highValue: boolean } }[], type: ReturnType, priorReturns: number): RoutingInput => ({
    type,
    amountFen: units.reduce((s, u) => s + u.amountFen, 0),
    categories: units.map((u) => u.category),
    priorReturns,
  });

  function fileInSequence(policy: ApprovalPolicy, pieces: { amountFen: number; category: { code: string; highValue: boolean } }[][], type: ReturnType, priorReturns: number) {
    const filed: CountedRequest[] = [];
    return pieces.map((units, i) => {
      const own = asInput(units, type, priorReturns + i);
      const route = decideRouteOverSplits(policy, own, filed);
      filed.push({ amountFen: own.amountFen, categories: own.categories });
      return route;
    });
  }

  const covers = (route: { stages: Stage[] }, wanted: { stages: Stage[] }) => wanted.stages.every((s) => route.stages.includes(s));

  it("property: any split under the default policy — the last request gets the whole's route, each request its prefix's", () => {
    fc.assert(
      fc.property(splitArb, ({ units, pieces, type, priorReturns }) => {
        const routes = fileInSequence(DEFAULT_POLICY, pieces, type, priorReturns);
        expect(covers(routes.at(-1)!, decideRoute(DEFAULT_POLICY, asInput(units, type, priorReturns)))).toBe(true);
        routes.forEach((r, i) => expect(covers(r, decideRoute(DEFAULT_POLICY, asInput(pieces.slice(0, i + 1).flat(), type, priorReturns)))).toBe(true));
      }),
      { numRuns: 500 },
    );
  });

  it("property: the same under any policy", () => {
    fc.assert(
      fc.property(rulesArb, splitArb, (rules, { units, pieces, type, priorReturns }) => {
        const policy = policyWith(rules);
        const routes = fileInSequence(policy, pieces, type, priorReturns);
        expect(covers(routes.at(-1)!, decideRoute(policy, asInput(units, type, priorReturns)))).toBe(true);
        routes.forEach((r, i) => expect(covers(r, decideRoute(policy, asInput(pieces.slice(0, i + 1).flat(), type, priorReturns)))).toBe(true));
      }),
      { numRuns: 500 },
    );
  });

  it("property: counting never removes a stage the request would get alone", () => {
    fc.assert(
      fc.property(rulesArb, inputArb, fc.array(fc.record({ amountFen: amountArb, categories: fc.array(fc.record({ code: fc.constantFrom(...CODES), highValue: fc.boolean() }), { maxLength: 3 }) }), { maxLength: 4 }), (rules, i, others) => {
        const policy = policyWith(rules);
        expect(covers(decideRouteOverSplits(policy, i, others), decideRoute(policy, i))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// deadlines
// ---------------------------------------------------------------------------------------------

describe("deadlineFor (default policy)", () => {
  const from = new Date("2025-11-11T00:00:00+08:00");

  it.each([
    ["pending_cs_review", 48 * HOUR],
    ["pending_ops_review", 48 * HOUR],
    ["inspection_mismatch", 48 * HOUR],
    ["needs_info", 7 * DAY],
    ["awaiting_shipment", 7 * DAY],
    ["in_transit", 10 * DAY],
    ["pending_refund_approval", 7 * DAY],
    ["pending_refund", 7 * DAY],
    ["pending_replacement", 7 * DAY],
    ["rejected", 7 * DAY],
  ] as [ReturnStatus, number][])("%s must be left within %i ms", (status, ms) => {
    expect(deadlineFor(status, DEFAULT_POLICY, from)?.getTime()).toBe(from.getTime() + ms);
  });

  it("48 h review from 2025-11-11 00:00 (Beijing) ends 2025-11-13 00:00 (Beijing)", () => {
    expect(deadlineFor("pending_cs_review", DEFAULT_POLICY, from)?.toISOString()).toBe("2025-11-12T16:00:00.000Z");
  });

  it.each(["completed", "cancelled", "closed", "refunding"] as ReturnStatus[])("no clock runs in %s", (status) => {
    expect(deadlineFor(status, DEFAULT_POLICY, from)).toBeNull();
  });

  it("follows a configured policy and does not change the start date", () => {
    const p: ApprovalPolicy = {
      ...DEFAULT_POLICY,
      deadlines: { staffReviewHours: 24, customerInfoDays: 3, customerShipDays: 5, warehouseConfirmDays: 2, refundDays: 1, appealDays: 14 },
    };
    const start = new Date(from.getTime());
    expect(deadlineFor("pending_cs_review", p, start)?.getTime()).toBe(from.getTime() + 24 * HOUR);
    expect(deadlineFor("needs_info", p, start)?.getTime()).toBe(from.getTime() + 3 * DAY);
    expect(deadlineFor("awaiting_shipment", p, start)?.getTime()).toBe(from.getTime() + 5 * DAY);
    expect(deadlineFor("in_transit", p, start)?.getTime()).toBe(from.getTime() + 2 * DAY);
    expect(deadlineFor("pending_refund", p, start)?.getTime()).toBe(from.getTime() + 1 * DAY);
    expect(deadlineFor("rejected", p, start)?.getTime()).toBe(from.getTime() + 14 * DAY);
    expect(start.getTime()).toBe(from.getTime());
  });

  it("every non-terminal status except refunding (waiting on the gateway) has a deadline", () => {
    for (const s of RETURN_STATUSES) {
      const d = deadlineFor(s, DEFAULT_POLICY, from);
      if (["completed", "cancelled", "closed", "refunding"].includes(s)) expect(d).toBeNull();
      else expect(d!.getTime()).toBeGreaterThan(from.getTime());
    }
  });
});

describe("what a passed deadline does (timeouts)", () => {
  const request = { requestedRefundFen: 50 * YUAN };
  const from = new Date("2025-11-11T00:00:00+08:00");

  it("every status a deadline runs in has a default action the status allows, and nothing else has one", () => {
    for (const status of RETURN_STATUSES) {
      const outcome = deadlineOutcome(status, DEFAULT_POLICY, request);
      const timed = (TIMED_STATUSES as readonly ReturnStatus[]).includes(status);
      expect(outcome !== null, status).toBe(timed);
      if (timed) expect(ALLOWED_TIMEOUT_ACTIONS[status as TimedStatus]).toContain(DEFAULT_TIMEOUTS[status as TimedStatus].action);
    }
  });

  it("every status that can get a deadline is timed: those of deadlineFor, and refunding, which keeps pending_refund's clock", () => {
    const withClock = RETURN_STATUSES.filter((s) => deadlineFor(s, DEFAULT_POLICY, from) !== null);
    expect([...withClock, "refunding"].sort()).toEqual([...TIMED_STATUSES].sort());
    const clock = new Date(from.getTime() + DAY);
    expect(nextDeadline("pending_refund", "refunding", DEFAULT_POLICY, from, clock)).toBe(clock);
  });

  it.each([
    ["pending_cs_review", { kind: "step", action: "escalate" }],
    ["pending_ops_review", { kind: "overdue", outcome: "remind", notifyRoles: ["operations_manager"] }],
    ["inspection_mismatch", { kind: "overdue", outcome: "remind", notifyRoles: ["operations_manager"] }],
    ["needs_info", { kind: "step", action: "expire" }],
    ["awaiting_shipment", { kind: "step", action: "expire" }],
    ["in_transit", { kind: "overdue", outcome: "alert", notifyRoles: ["warehouse", "admin"] }],
    ["pending_refund_approval", { kind: "overdue", outcome: "alert", notifyRoles: ["finance", "admin"] }],
    ["pending_refund", { kind: "overdue", outcome: "alert", notifyRoles: ["finance", "admin"] }],
    ["refunding", { kind: "overdue", outcome: "alert", notifyRoles: ["finance", "admin"] }],
    ["pending_replacement", { kind: "overdue", outcome: "alert", notifyRoles: ["warehouse", "admin"] }],
    ["rejected", { kind: "step", action: "expire" }],
  ] as const)("default: %s → %j", (status, expected) => {
    expect(deadlineOutcome(status, DEFAULT_POLICY, request)).toEqual(expected);
  });

  it("auto-approval approves up to its amount and escalates above it; without an amount the bulk approval ceiling applies", () => {
    const policy: ApprovalPolicy = { ...DEFAULT_POLICY, timeouts: { pending_cs_review: { action: "auto_approve", autoApproveMaxFen: 100 * YUAN } } };
    expect(deadlineOutcome("pending_cs_review", policy, { requestedRefundFen: 100 * YUAN })).toEqual({ kind: "step", action: "approve", maxFen: 100 * YUAN });
    expect(deadlineOutcome("pending_cs_review", policy, { requestedRefundFen: 100 * YUAN + 1 })).toEqual({ kind: "step", action: "escalate" });
    const ceiling: ApprovalPolicy = { ...DEFAULT_POLICY, bulkApproveMaxFen: 30 * YUAN, timeouts: { pending_cs_review: { action: "auto_approve" } } };
    expect(deadlineOutcome("pending_cs_review", ceiling, { requestedRefundFen: 30 * YUAN })).toMatchObject({ action: "approve" });
    expect(deadlineOutcome("pending_cs_review", ceiling, { requestedRefundFen: 31 * YUAN })).toMatchObject({ action: "escalate" });
  });

  it("a rule the status does not allow (closing a refund) falls back to the default; notify roles are the policy's when set", () => {
    const policy: ApprovalPolicy = { ...DEFAULT_POLICY, timeouts: { pending_refund: { action: "close" }, in_transit: { action: "remind", notifyRoles: ["operations_manager", "operations_manager"] } } };
    expect(deadlineOutcome("pending_refund", policy, request)).toMatchObject({ kind: "overdue", outcome: "alert" });
    expect(deadlineOutcome("in_transit", policy, request)).toEqual({ kind: "overdue", outcome: "remind", notifyRoles: ["operations_manager"] });
  });

  it("a policy stored before per-stage timeouts keeps working: csReviewTimeout 'none' reads as a reminder, 'escalate' as escalation", () => {
    const { timeouts: _omit, ...old } = DEFAULT_POLICY;
    const none = upgradeStoredPolicy({ ...old, csReviewTimeout: "none" });
    expect(none.csReviewTimeout).toBeUndefined();
    expect(deadlineOutcome("pending_cs_review", none, request)).toEqual({ kind: "overdue", outcome: "remind", notifyRoles: ["customer_service"] });
    expect(deadlineOutcome("needs_info", none, request)).toEqual({ kind: "step", action: "expire" });
    expect(deadlineOutcome("pending_cs_review", upgradeStoredPolicy({ ...old, csReviewTimeout: "escalate" }), request)).toEqual({ kind: "step", action: "escalate" });
    // A stored policy with its own timeouts keeps them.
    const own = upgradeStoredPolicy({ ...old, timeouts: { pending_ops_review: { action: "alert" } } });
    expect(deadlineOutcome("pending_ops_review", own, request)).toMatchObject({ outcome: "alert" });
    expect(deadlineOutcome("pending_cs_review", own, request)).toEqual({ kind: "step", action: "escalate" });
  });

  it("every state-changing timeout is a transition the system may take in that status", () => {
    const base = { type: "return_refund" as const, route: { stages: ["cs_review", "refund"] as Stage[], matchedRules: [] }, infoReturnStatus: null, appealUsed: false, refundApprovedBy: null, goodsReceived: false };
    const autoApprove: ApprovalPolicy = { ...DEFAULT_POLICY, timeouts: { pending_cs_review: { action: "auto_approve" } } };
    for (const policy of [DEFAULT_POLICY, autoApprove]) {
      for (const status of TIMED_STATUSES) {
        const outcome = deadlineOutcome(status, policy, request)!;
        if (outcome.kind !== "step") continue;
        const t = transition({ ...base, status }, { action: outcome.action, role: "system", actorId: "system" });
        expect(t.to).toBe({ escalate: "pending_ops_review", expire: "closed", approve: "pending_refund" }[outcome.action]);
      }
    }
  });
});
