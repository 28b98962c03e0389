import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../domain/policy";
import { approvalPolicySchema } from "./staff";

const { timeouts: _omit, ...withoutTimeouts } = DEFAULT_POLICY;

describe("the policy's timeout rules at the edge", () => {
  it("accepts the default policy and a policy stored before per-stage timeouts (csReviewTimeout only)", () => {
    expect(approvalPolicySchema.safeParse(DEFAULT_POLICY).success).toBe(true);
    const old = approvalPolicySchema.safeParse({ ...withoutTimeouts, csReviewTimeout: "none" });
    expect(old.success).toBe(true);
  });

  it("accepts an action the stage allows, with its amount and roles", () => {
    const parsed = approvalPolicySchema.safeParse({
      ...DEFAULT_POLICY,
      timeouts: { pending_cs_review: { action: "auto_approve", autoApproveMaxFen: 100_00 }, in_transit: { action: "remind", notifyRoles: ["warehouse", "operations_manager"] } },
    });
    expect(parsed.success).toBe(true);
  });

  it.each([
    ["pending_refund", { action: "close" }],
    ["rejected", { action: "remind" }],
    ["pending_ops_review", { action: "auto_approve" }],
    ["needs_info", { action: "escalate" }],
  ])("refuses %s → %j: the stage does not allow it", (status, rule) => {
    const parsed = approvalPolicySchema.safeParse({ ...DEFAULT_POLICY, timeouts: { [status]: rule } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["timeouts", status, "action"], message: "v.timeoutAction" });
  });

  it("refuses unknown stages, actions, roles and fields, and a negative amount", () => {
    for (const timeouts of [
      { completed: { action: "close" } },
      { pending_cs_review: { action: "delete" } },
      { pending_ops_review: { action: "remind", notifyRoles: ["customer"] } },
      { pending_ops_review: { action: "remind", extra: 1 } },
      { pending_cs_review: { action: "auto_approve", autoApproveMaxFen: -1 } },
    ]) {
      expect(approvalPolicySchema.safeParse({ ...DEFAULT_POLICY, timeouts }).success, JSON.stringify(timeouts)).toBe(false);
    }
  });
});
