import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, type ApprovalPolicy } from "./policy";
import { diffPolicies } from "./policy-diff";

const clone = (): ApprovalPolicy => structuredClone(DEFAULT_POLICY);

describe("diffPolicies", () => {
  it("finds nothing between a policy and a copy with keys in another order", () => {
    const deadlines = Object.fromEntries(Object.entries(DEFAULT_POLICY.deadlines).reverse());
    const copy = JSON.parse(JSON.stringify({ ...clone(), deadlines })) as ApprovalPolicy;
    expect(Object.keys(copy.deadlines)[0]).toBe("appealDays");
    expect(diffPolicies(DEFAULT_POLICY, copy)).toEqual([]);
  });

  it("names a changed threshold of a rule by the rule's id and the field", () => {
    const next = clone();
    next.rules[0]!.when.amountAboveFen = 100_00;
    expect(diffPolicies(DEFAULT_POLICY, next)).toEqual([
      { kind: "rule_changed", ruleId: "amount-over-200", field: "when.amountAboveFen", before: 200_00, after: 100_00 },
    ]);
  });

  it("reports an added condition as before undefined, and changed stages as whole arrays", () => {
    const next = clone();
    next.rules[1]!.when.typeIn = ["exchange"];
    next.rules[1]!.addStages = ["ops_review", "refund_approval"];
    expect(diffPolicies(DEFAULT_POLICY, next)).toEqual([
      { kind: "rule_changed", ruleId: "high-value-category", field: "addStages", before: ["ops_review"], after: ["ops_review", "refund_approval"] },
      { kind: "rule_changed", ruleId: "high-value-category", field: "when.typeIn", before: undefined, after: ["exchange"] },
    ]);
  });

  it("reports added and removed rules, not a rename as a change", () => {
    const next = clone();
    next.rules = next.rules.filter((r) => r.id !== "frequent-returner");
    next.rules.push({ id: "jewellery", description: "珠宝", when: { categoryIn: ["jewellery"] }, addStages: ["ops_review"] });
    const changes = diffPolicies(DEFAULT_POLICY, next);
    expect(changes.map((c) => [c.kind, "ruleId" in c ? c.ruleId : null])).toEqual([
      ["rule_added", "jewellery"],
      ["rule_removed", "frequent-returner"],
    ]);
  });

  it("reports a new order of the same rules", () => {
    const next = clone();
    next.rules.reverse();
    const changes = diffPolicies(DEFAULT_POLICY, next);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: "rules_reordered", after: DEFAULT_POLICY.rules.map((r) => r.id).reverse() });
  });

  it("reports settings by path: deadlines, the timeout action, history window, a setting added later", () => {
    const next = { ...clone(), bulkApproveMaxFen: 50_00 } as ApprovalPolicy;
    next.deadlines.refundDays = 3;
    next.timeouts = { ...next.timeouts, pending_cs_review: { action: "remind" } };
    next.historyWindowDays = 30;
    expect(diffPolicies(DEFAULT_POLICY, next)).toEqual([
      { kind: "setting_changed", path: "bulkApproveMaxFen", before: undefined, after: 50_00 },
      { kind: "setting_changed", path: "deadlines.refundDays", before: 7, after: 3 },
      { kind: "setting_changed", path: "historyWindowDays", before: 90, after: 30 },
      { kind: "setting_changed", path: "timeouts.pending_cs_review.action", before: "escalate", after: "remind" },
    ]);
  });

  it("compares an array of settings as one setting", () => {
    // Policies saved before reasons became rows carry evidence.reasons; a change there is one entry.
    const before = { ...clone(), evidence: { maxPhotos: 9, reasons: [{ code: "other", enabled: true, photoRequired: false }] } };
    const next = { ...clone(), evidence: { maxPhotos: 4, reasons: [{ code: "other", enabled: true, photoRequired: true }] } };
    expect(diffPolicies(before, next).map((c) => (c.kind === "setting_changed" ? c.path : c.kind))).toEqual(["evidence.maxPhotos", "evidence.reasons"]);
  });
});
