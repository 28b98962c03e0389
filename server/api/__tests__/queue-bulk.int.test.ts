/**
 * Bulk approval by customer service: each request checked and recorded on its own; an
 * ineligible one is listed with its reason and does not stop or undo the others.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { returnRequests } from "../../../db/schema";
import { DEFAULT_POLICY } from "../../domain/policy";
import { loadHistory } from "../../services/history-store";
import { createTestDatabase } from "../../test/db";
import { makeOrder, staffCaller, submitFor, unverifiableHistories } from "../../test/fixtures";

const { db } = await createTestDatabase();

async function pending(priceFen: number, opts: { highValue?: boolean } = {}) {
  const made = await makeOrder(db, [{ priceFen, highValue: opts.highValue }]);
  const { res } = await submitFor(db, made, "refund_only");
  const [r] = await db.select({ version: returnRequests.version }).from(returnRequests).where(eq(returnRequests.id, res.id));
  return { requestId: res.id, version: r!.version };
}

const statusOf = async (id: string) => (await db.select({ s: returnRequests.status }).from(returnRequests).where(eq(returnRequests.id, id)))[0]!.s;

describe("bulk approve", () => {
  it("approves the eligible ones one by one and lists the ineligible one with its reason", async () => {
    const { caller: cs, staff } = await staffCaller(db, "customer_service");
    const a = await pending(30_00);
    const b = await pending(199_99);
    const needsOps = await pending(80_00, { highValue: true }); // the high-value rule adds an ops review
    const result = await cs.staff.bulkApprove({ requests: [a, needsOps, b] });
    expect(result.map((r) => [r.requestId, r.ok])).toEqual([
      [a.requestId, true],
      [needsOps.requestId, false],
      [b.requestId, true],
    ]);
    const failed = result[1]!;
    expect(failed.ok === false && failed.code).toBe("bulk_needs_ops_review");
    expect(failed.ok === false && failed.message).toBe("需要运营主管复核，不能批量通过");
    expect(await statusOf(a.requestId)).toBe("pending_refund");
    expect(await statusOf(b.requestId)).toBe("pending_refund");
    expect(await statusOf(needsOps.requestId)).toBe("pending_cs_review");
    // One event per approved request, by this user; none for the refused one.
    expect((await loadHistory(db, a.requestId)).at(-1)).toMatchObject({ action: "approve", actorId: staff.id });
    expect((await loadHistory(db, needsOps.requestId)).map((e) => e.action)).toEqual(["submit"]);
    expect(await unverifiableHistories(db)).toEqual([]);
  });

  it("refuses amounts above the policy's ceiling, stale versions, held and already decided requests, in English too", async () => {
    const { caller: cs } = await staffCaller(db, "customer_service", { locale: "en" });
    const { caller: admin } = await staffCaller(db, "admin");
    const policy = await admin.admin.policy();
    // No ops review below ¥500 in this policy, and bulk approval up to ¥100.
    await admin.admin.replacePolicy({
      expectedVersion: policy.version,
      policy: { ...DEFAULT_POLICY, rules: DEFAULT_POLICY.rules.filter((r) => r.id !== "amount-over-200"), bulkApproveMaxFen: 100_00 },
    });
    const over = await pending(150_00);
    const ok = await pending(99_00);
    const stale = await pending(20_00);
    const held = await pending(20_00);
    const { caller: other } = await staffCaller(db, "customer_service");
    await other.staff.claim({ requestId: held.requestId });
    const result = await cs.staff.bulkApprove({ requests: [over, ok, { ...stale, version: stale.version + 5 }, held, ok] });
    const byId = new Map(result.map((r) => [r.requestId, r]));
    // The duplicate is reported once.
    expect(result).toHaveLength(4);
    expect(byId.get(ok.requestId)?.ok).toBe(true);
    const reasons = result.filter((r) => !r.ok).map((r) => (r.ok ? "" : `${r.code}: ${r.message}`));
    expect(reasons).toEqual([
      "bulk_amount_over_limit: The refund is above the bulk approval limit of ¥100.00",
      "version_conflict: Someone else has just acted on this request. Reload and try again",
      "held_by_other: A colleague has claimed this request and is handling it. Ask them or the store manager to hand it over",
    ]);
    const again = await cs.staff.bulkApprove({ requests: [{ requestId: ok.requestId, version: ok.version + 1 }] });
    expect(again[0]!.ok === false && again[0]!.code).toBe("invalid_transition");
    expect(await statusOf(over.requestId)).toBe("pending_cs_review");
  });
});
