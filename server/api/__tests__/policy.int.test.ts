/**
 * The store manager changes the approval policy. Requests already in flight keep the route and
 * the policy (deadlines included) they were submitted under; only new submissions use the new one.
 */
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { approvalPolicies, returnEvents } from "../../../db/schema";
import { DEFAULT_POLICY, type ApprovalPolicy } from "../../domain/policy";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, failureOf, makeOrder, staffCaller, submitFor, unverifiableHistories } from "../../test/fixtures";

const { db } = await createTestDatabase();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Version 2: operations review above ¥50, and shorter clocks. */
const STRICTER: ApprovalPolicy = {
  ...DEFAULT_POLICY,
  rules: [
    { id: "amount-over-50", description: "退款金额超过 ¥50 需运营主管复核", when: { amountAboveFen: 50_00 }, addStages: ["ops_review"] },
    ...DEFAULT_POLICY.rules.filter((r) => r.id !== "amount-over-200"),
  ],
  deadlines: { ...DEFAULT_POLICY.deadlines, staffReviewHours: 24, customerShipDays: 3 },
};

let admin: Awaited<ReturnType<typeof staffCaller>>;
let cs: Awaited<ReturnType<typeof staffCaller>>;

beforeAll(async () => {
  admin = await staffCaller(db, "admin");
  cs = await staffCaller(db, "customer_service");
});

async function policyCount() {
  return (await db.select({ n: count() }).from(approvalPolicies))[0]!.n;
}

describe("replacing the policy", () => {
  let before: Awaited<ReturnType<typeof submitFor>>;
  let beforeReturn: Awaited<ReturnType<typeof submitFor>>;
  let v1Id: string;

  it("starts from the default policy as version 1", async () => {
    const current = await admin.caller.admin.policy();
    expect(current.version).toBe(1);
    expect(current.policy).toEqual(DEFAULT_POLICY);
    v1Id = current.id;

    before = await submitFor(db, await makeOrder(db, [{ priceFen: 80_00 }]), "refund_only");
    beforeReturn = await submitFor(db, await makeOrder(db, [{ priceFen: 80_00 }]), "return_refund");
    expect((await before.read()).stages).toEqual(["cs_review", "refund"]);
  });

  it("the admin adds version 2: operations review above ¥50", async () => {
    const v2 = await admin.caller.admin.replacePolicy({ policy: STRICTER, expectedVersion: 1, note: "双十一前收紧" });
    expect(v2).toMatchObject({ version: 2, note: "双十一前收紧" });
    expect((await admin.caller.admin.policy()).policy).toEqual(STRICTER);
    const [row] = await db.select().from(approvalPolicies).where(eq(approvalPolicies.version, 2));
    expect(row!.createdBy).toBe(admin.staff.id);
  });

  it("a request submitted before keeps its route and its policy", async () => {
    const staffView = await cs.caller.staff.request({ id: before.res.id });
    expect(staffView.request.policyId).toBe(v1Id);
    expect(staffView.request.route.stages).toEqual(["cs_review", "refund"]);
    // It is not re-routed when it moves on: approval takes it straight to the refund.
    await cs.caller.staff.approve({ requestId: before.res.id, version: staffView.request.version });
    expect((await before.read()).status).toBe("pending_refund");
  });

  it("a new request of the same amount gets the new route, and says which policy version decided it", async () => {
    const after = await submitFor(db, await makeOrder(db, [{ priceFen: 80_00 }]), "refund_only");
    const staffView = await cs.caller.staff.request({ id: after.res.id });
    expect(staffView.request.route).toEqual({ stages: ["cs_review", "ops_review", "refund"], matchedRules: ["amount-over-50"] });
    expect(staffView.request.policyId).not.toBe(v1Id);
    const [submitEvent] = await db.select().from(returnEvents).where(eq(returnEvents.requestId, after.res.id));
    expect(submitEvent!.changes).toMatchObject({ policyVersion: 2, matchedRules: ["amount-over-50"] });

    await cs.caller.staff.approve({ requestId: after.res.id, version: 1 });
    expect((await after.read()).status).toBe("pending_ops_review");
  });

  it("deadlines come from the policy the request was submitted under", async () => {
    // New request: version 2's 24 h review and 3 days to ship.
    const fresh = await submitFor(db, await makeOrder(db, [{ priceFen: 30_00 }]), "return_refund");
    let r = await fresh.read();
    expect(r.deadlineAt!.getTime() - r.createdAt.getTime()).toBe(24 * HOUR);
    let t0 = Date.now();
    await cs.caller.staff.approve({ requestId: fresh.res.id, version: r.version });
    r = await fresh.read();
    expect(r.status).toBe("awaiting_shipment");
    expect(r.deadlineAt!.getTime()).toBeGreaterThanOrEqual(t0 + 3 * DAY);
    expect(r.deadlineAt!.getTime()).toBeLessThanOrEqual(Date.now() + 3 * DAY);

    // Old request, approved now: still version 1's 48 h (when submitted) and 7 days to ship.
    r = await beforeReturn.read();
    expect(r.deadlineAt!.getTime() - r.createdAt.getTime()).toBe(48 * HOUR);
    t0 = Date.now();
    await cs.caller.staff.approve({ requestId: beforeReturn.res.id, version: r.version });
    r = await beforeReturn.read();
    expect(r.status).toBe("awaiting_shipment");
    expect(r.deadlineAt!.getTime()).toBeGreaterThanOrEqual(t0 + 7 * DAY);
    expect(r.deadlineAt!.getTime()).toBeLessThanOrEqual(Date.now() + 7 * DAY);
  });

  it("replacing with a stale expected version is refused with CONFLICT and adds nothing", async () => {
    const n = await policyCount();
    const e = await failureOf(admin.caller.admin.replacePolicy({ policy: DEFAULT_POLICY, expectedVersion: 1 }));
    expect(e.code).toBe("CONFLICT");
    expect(appCodeOf(e)).toBe("version_conflict");
    expect(await policyCount()).toBe(n);
    expect((await admin.caller.admin.policy()).version).toBe(2);
  });

  it("two admins replacing at the same moment: one wins, the other gets CONFLICT", async () => {
    const other = await staffCaller(db, "admin");
    const settled = await Promise.allSettled([
      admin.caller.admin.replacePolicy({ policy: DEFAULT_POLICY, expectedVersion: 2, note: "恢复默认" }),
      other.caller.admin.replacePolicy({ policy: STRICTER, expectedVersion: 2, note: "再收紧" }),
    ]);
    const ok = settled.filter((s) => s.status === "fulfilled");
    const refused = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toMatchObject({ code: "CONFLICT" });
    expect((await admin.caller.admin.policy()).version).toBe(3);
    expect(await policyCount()).toBe(3);
  });
});

describe("history", () => {
  it("every request here verifies", async () => {
    expect(await unverifiableHistories(db)).toEqual([]);
  });
});
