/**
 * The rules editor's server side: simulate a sample request under a draft and under the version
 * in force, count the last 30 days' requests the draft would route differently (from what was
 * stored at submission), and the version history with who saved it and what changed.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { categories, returnRequests } from "../../../db/schema";
import { DEFAULT_POLICY, type ApprovalPolicy } from "../../domain/policy";
import { createTestDatabase } from "../../test/db";
import { customerCaller, failureOf, makeOrder, staffCaller, submitFor } from "../../test/fixtures";

const { db } = await createTestDatabase();

/** The draft: operations review from ¥50 instead of ¥200. */
const DRAFT: ApprovalPolicy = {
  ...DEFAULT_POLICY,
  rules: DEFAULT_POLICY.rules.map((r) => (r.id === "amount-over-200" ? { ...r, when: { amountAboveFen: 50_00 } } : r)),
};

let admin: Awaited<ReturnType<typeof staffCaller>>;
const rma = {} as Record<"cheap" | "mid" | "highValue" | "old" | "frequent", string>;

beforeAll(async () => {
  admin = await staffCaller(db, "admin");
  rma.cheap = (await submitFor(db, await makeOrder(db, [{ priceFen: 30_00 }]), "refund_only")).res.rmaNo;
  rma.mid = (await submitFor(db, await makeOrder(db, [{ priceFen: 80_00 }]), "refund_only")).res.rmaNo;
  rma.highValue = (await submitFor(db, await makeOrder(db, [{ priceFen: 80_00, highValue: true }]), "return_refund")).res.rmaNo;
  // Older than 30 days: the draft would route it differently, but it is outside the window.
  rma.old = (await submitFor(db, await makeOrder(db, [{ priceFen: 90_00 }]), "refund_only")).res.rmaNo;
  await db.update(returnRequests).set({ createdAt: sql`now() - interval '40 days'` }).where(eq(returnRequests.rmaNo, rma.old));
});

describe("simulating a sample request", () => {
  it("gives the route under the draft and under the version in force, with the rules that matched", async () => {
    const res = await admin.caller.admin.simulatePolicy({ policy: DRAFT, sample: { type: "refund_only", amountFen: 80_00, categoryCodes: [], priorReturns: 0 } });
    expect(res.currentVersion).toBe(1);
    expect(res.current).toEqual({ stages: ["cs_review", "refund"], matchedRules: [] });
    expect(res.draft).toEqual({ stages: ["cs_review", "ops_review", "refund"], matchedRules: ["amount-over-200"] });
  });

  it("looks up the chosen categories' high-value flag, and counts prior returns", async () => {
    const cats = await admin.caller.admin.categories();
    const high = cats.find((c) => c.highValue)!;
    expect(high).toBeDefined();
    const res = await admin.caller.admin.simulatePolicy({
      policy: DRAFT,
      sample: { type: "exchange", amountFen: 10_00, categoryCodes: [high.code], priorReturns: 5 },
    });
    expect(res.current.matchedRules).toEqual(["high-value-category", "frequent-returner"]);
    expect(res.current.stages).toEqual(["cs_review", "ops_review", "customer_shipment", "warehouse_inspection", "replacement"]);
  });

  it("refuses a broken draft with per-field messages rather than simulating it", async () => {
    const broken = { ...DRAFT, deadlines: { ...DRAFT.deadlines, refundDays: 0 } };
    const e = await failureOf(admin.caller.admin.simulatePolicy({ policy: broken, sample: { type: "refund_only", amountFen: 1, categoryCodes: [], priorReturns: 0 } }));
    expect(e.code).toBe("BAD_REQUEST");
  });
});

describe("the last 30 days under the draft", () => {
  it("counts the requests the draft would have routed differently, from their stored data", async () => {
    const impact = await admin.caller.admin.policyImpact(DRAFT);
    expect(impact).toMatchObject({ days: 30, total: 3, changedCount: 1, unreproducible: 0 });
    expect(impact.examples).toEqual([
      expect.objectContaining({ rmaNo: rma.mid, before: ["cs_review", "refund"], after: ["cs_review", "ops_review", "refund"] }),
    ]);
  });

  it("the version in force changes nothing", async () => {
    expect(await admin.caller.admin.policyImpact((await admin.caller.admin.policy()).policy)).toMatchObject({ total: 3, changedCount: 0 });
  });

  it("counts prior returns over the draft's own history window", async () => {
    // Two more requests of one customer; the frequent-returner rule lowered to 1 earlier request.
    const first = await makeOrder(db, [{ priceFen: 10_00 }]);
    await submitFor(db, first, "refund_only");
    rma.frequent = (await submitFor(db, await makeOrder(db, [{ priceFen: 10_00 }], { phone: first.customer.phone }), "refund_only")).res.rmaNo;
    const lowered: ApprovalPolicy = {
      ...DEFAULT_POLICY,
      rules: DEFAULT_POLICY.rules.map((r) => (r.id === "frequent-returner" ? { ...r, when: { priorReturnsAtLeast: 1 } } : r)),
    };
    const impact = await admin.caller.admin.policyImpact(lowered);
    expect(impact).toMatchObject({ total: 5, changedCount: 1 });
    expect(impact.examples[0]!.rmaNo).toBe(rma.frequent);
  });
});

describe("requests whose stored route today's data no longer explains", () => {
  it("are counted apart: a category flagged high-value after submission", async () => {
    const { db: own } = await createTestDatabase();
    const a = await staffCaller(own, "admin");
    const made = await makeOrder(own, [{ priceFen: 10_00 }]);
    await submitFor(own, made, "refund_only");
    await own.update(categories).set({ highValue: true }).where(eq(categories.id, made.lines[0]!.category.id));
    const impact = await a.caller.admin.policyImpact(DEFAULT_POLICY);
    expect(impact).toMatchObject({ total: 1, changedCount: 1, unreproducible: 1 });
  });
});

describe("version history", () => {
  it("lists versions newest first with who saved them, the note, and what changed", async () => {
    await admin.caller.admin.replacePolicy({ policy: DRAFT, expectedVersion: 1, note: "¥50 起运营复核" });
    const history = await admin.caller.admin.policyHistory();
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    expect(history[0]).toMatchObject({ note: "¥50 起运营复核", createdByName: admin.staff.name });
    expect(history[0]!.changes).toEqual([{ kind: "rule_changed", ruleId: "amount-over-200", field: "when.amountAboveFen", before: 200_00, after: 50_00 }]);
    expect(history[1]).toMatchObject({ version: 1, createdByName: null, changes: [] });
  });
});

describe("requests routed together with others of their order (split returns)", () => {
  it("a request routed together with an earlier one of its order is reproduced from the total it stored", async () => {
    const { db: own } = await createTestDatabase();
    const a = await staffCaller(own, "admin");
    // Two ¥150 lines: neither passes ¥200 alone, the second request brings the order to ¥300.
    const made = await makeOrder(own, [{ priceFen: 150_00 }, { priceFen: 150_00 }]);
    const customer = customerCaller(own, made.customer);
    for (const i of [0, 1]) {
      const line = made.lines[i]!.line;
      await customer.customer.submit({ orderId: made.order.id, type: "refund_only", idempotencyKey: randomUUID(), lines: [{ orderLineId: line.id, quantity: line.quantity, reasonCode: "size_not_fit" }] });
    }
    const impact = await a.caller.admin.policyImpact(DEFAULT_POLICY);
    expect(impact).toMatchObject({ total: 2, changedCount: 0, unreproducible: 0 });
  });
});
