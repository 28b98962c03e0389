import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareReceipt, worstCondition, type DeclaredLine, type ReceivedPart } from "./receipt";
import { ITEM_CONDITIONS, type ItemCondition } from "./vocabulary";

const DEFAULT_ACCEPTABLE: ItemCondition[] = ["as_new", "opened"];

/** Declared lines: 1–4 lines, 1–5 units each, ordered at least as many. */
const declaredArb = fc
  .array(fc.record({ expected: fc.integer({ min: 1, max: 5 }), extraOrdered: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 4 })
  .map((ls) => ls.map((l, i): DeclaredLine => ({ returnLineId: `line-${i}`, expected: l.expected, ordered: l.expected + l.extraOrdered })));

const acceptableArb = fc.subarray([...ITEM_CONDITIONS], { minLength: 1 });

/** Splits n units into 1–3 parts (some may be 0: an empty row in a parcel). */
const splitArb = (n: number) =>
  fc.array(fc.nat({ max: n }), { minLength: 0, maxLength: 2 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), n];
    return points.slice(1).map((p, i) => p - points[i]!);
  });

/** Every declared line delivered in full, split over parcels, each part in some condition from `pool`. */
function fullDelivery(declared: DeclaredLine[], pool: readonly ItemCondition[]) {
  return fc
    .tuple(...declared.map((d) => fc.tuple(splitArb(d.expected), fc.array(fc.constantFrom(...pool), { minLength: 3, maxLength: 3 }))))
    .chain((perLine) =>
      fc.shuffledSubarray(
        perLine.flatMap(([parts, conds], i) => parts.map((q, j): ReceivedPart => ({ returnLineId: declared[i]!.returnLineId, quantity: q, condition: conds[j]! }))),
        { minLength: perLine.reduce((n, [parts]) => n + parts.length, 0) },
      ),
    );
}

describe("compareReceipt", () => {
  it("never blocks a full acceptable match, however it is split over parcels", () => {
    fc.assert(
      fc.property(
        declaredArb.chain((declared) => acceptableArb.chain((acceptable) => fullDelivery(declared, acceptable).map((parts) => ({ declared, acceptable, parts })))),
        ({ declared, acceptable, parts }) => {
          const c = compareReceipt(declared, parts, acceptable);
          expect(c.matches).toBe(true);
          expect(c.complete).toBe(true);
          expect(c.differences).toEqual([]);
        },
      ),
    );
  });

  it("never passes a line received short or over", () => {
    fc.assert(
      fc.property(
        declaredArb.chain((declared) =>
          fc.record({
            declared: fc.constant(declared),
            // Per line any received total from 0 to twice what was expected, all as new.
            totals: fc.tuple(...declared.map((d) => fc.integer({ min: 0, max: d.expected * 2 }))),
          }),
        ),
        ({ declared, totals }) => {
          const parts = declared.map((d, i): ReceivedPart => ({ returnLineId: d.returnLineId, quantity: totals[i]!, condition: "as_new" }));
          const c = compareReceipt(declared, parts, DEFAULT_ACCEPTABLE);
          const allExact = declared.every((d, i) => totals[i] === d.expected);
          expect(c.matches).toBe(allExact);
          for (const [i, d] of declared.entries()) {
            const diff = c.differences.find((x) => x.returnLineId === d.returnLineId);
            if (totals[i] === d.expected) expect(diff).toBeUndefined();
            else expect(diff).toMatchObject({ expected: d.expected, received: totals[i] });
          }
        },
      ),
    );
  });

  it("never passes a unit in a condition the policy does not accept", () => {
    fc.assert(
      fc.property(
        declaredArb.chain((declared) =>
          acceptableArb
            .filter((a) => a.length < ITEM_CONDITIONS.length)
            .chain((acceptable) =>
              fullDelivery(declared, ITEM_CONDITIONS).map((parts) => ({ declared, acceptable, parts })),
            ),
        ),
        ({ declared, acceptable, parts }) => {
          const c = compareReceipt(declared, parts, acceptable);
          const bad = parts.filter((p) => p.quantity > 0 && !acceptable.includes(p.condition));
          expect(c.matches).toBe(bad.length === 0);
          for (const p of bad) expect(c.differences.find((d) => d.returnLineId === p.returnLineId)).toMatchObject({ acceptable: false });
        },
      ),
    );
  });

  it("adds parcels up: the order and the split of the parts do not change the verdict", () => {
    fc.assert(
      fc.property(
        declaredArb.chain((declared) =>
          fc.record({
            declared: fc.constant(declared),
            parts: fc.array(
              fc.record({ returnLineId: fc.constantFrom(...declared.map((d) => d.returnLineId)), quantity: fc.integer({ min: 0, max: 4 }), condition: fc.constantFrom(...ITEM_CONDITIONS) }),
              { maxLength: 8 },
            ),
          }),
        ),
        ({ declared, parts }) => {
          const once = compareReceipt(declared, parts, DEFAULT_ACCEPTABLE);
          const reversed = compareReceipt(declared, [...parts].reverse(), DEFAULT_ACCEPTABLE);
          // Each part split in two parcels (the second possibly empty).
          const split = parts.flatMap((p) => [{ ...p, quantity: Math.ceil(p.quantity / 2) }, { ...p, quantity: Math.floor(p.quantity / 2) }]);
          expect(reversed).toEqual(once);
          expect(compareReceipt(declared, split, DEFAULT_ACCEPTABLE)).toEqual(once);
          for (const l of once.lines) expect(l.received).toBe(parts.filter((p) => p.returnLineId === l.returnLineId).reduce((n, p) => n + p.quantity, 0));
        },
      ),
    );
  });

  it("a line declared above what the order sold never matches", () => {
    const c = compareReceipt([{ returnLineId: "a", expected: 3, ordered: 2 }], [{ returnLineId: "a", quantity: 3, condition: "as_new" }], DEFAULT_ACCEPTABLE);
    expect(c.matches).toBe(false);
  });

  it("waits until every line has what was expected", () => {
    const declared = [
      { returnLineId: "a", expected: 2, ordered: 2 },
      { returnLineId: "b", expected: 1, ordered: 1 },
    ];
    expect(compareReceipt(declared, [{ returnLineId: "a", quantity: 2, condition: "as_new" }], DEFAULT_ACCEPTABLE)).toMatchObject({ complete: false, matches: false });
    const all = compareReceipt(
      declared,
      [
        { returnLineId: "a", quantity: 1, condition: "as_new" },
        { returnLineId: "a", quantity: 1, condition: "damaged" },
        { returnLineId: "b", quantity: 1, condition: "opened" },
      ],
      DEFAULT_ACCEPTABLE,
    );
    expect(all).toMatchObject({ complete: true, matches: false, differences: [{ returnLineId: "a", expected: 2, received: 2, conditions: ["as_new", "damaged"], acceptable: false }] });
  });
});

describe("worstCondition", () => {
  it("keeps the worst of several, missing when nothing arrived", () => {
    expect(worstCondition(["opened", "as_new"])).toBe("opened");
    expect(worstCondition(["as_new", "damaged", "used"])).toBe("damaged");
    expect(worstCondition([])).toBe("missing");
  });
});
