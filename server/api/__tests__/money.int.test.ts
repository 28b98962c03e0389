/**
 * Money through the API: a refund that fails at the gateway is retried under the same merchant
 * refund number and paid once; an order is never refunded more than was paid, also when its
 * items are returned one at a time.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders, refunds } from "../../../db/schema";
import { GatewayRegistry } from "../../payments/registry";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, failureOf, makeOrder, runRefundJobs, staffCaller, submitFor, unverifiableHistories, type Made } from "../../test/fixtures";
import { TestGateway } from "../../test/test-gateway";

const { db } = await createTestDatabase();

async function order(made: Made) {
  const [row] = await db.select().from(orders).where(eq(orders.id, made.order.id));
  return row!;
}

/** Customer service approves a refund-only request, finance pays it with `gateway`. */
async function approveAndRefund(s: Awaited<ReturnType<typeof submitFor>>, gateway = new TestGateway()) {
  const cs = await staffCaller(db, "customer_service");
  await cs.caller.staff.approve({ requestId: s.res.id, version: (await s.read()).version });
  const gateways = new GatewayRegistry([gateway]);
  const fin = await staffCaller(db, "finance", { gateways });
  const result = await fin.caller.staff.refund({ requestId: s.res.id, version: (await s.read()).version });
  await runRefundJobs(db, gateways);
  return result;
}

describe("a refund the gateway refuses", () => {
  it("goes back to finance with the reservation released; the retry uses the same refund number and pays once", async () => {
    const made = await makeOrder(db, [{ priceFen: 66_00 }]);
    const s = await submitFor(db, made, "refund_only");
    const gateway = new TestGateway();
    gateway.startAnswers.push({ state: "refused", code: "ACQ.SELLER_BALANCE_NOT_ENOUGH", message: "余额不足" });

    await approveAndRefund(s, gateway);
    let r = await s.read();
    expect(r.status).toBe("pending_refund");
    // The 7-day refund clock started at approval; a failed attempt does not restart it.
    const approvedAt = r.timeline.find((e) => e.action === "approve")!.createdAt;
    expect(r.deadlineAt!.getTime()).toBe(approvedAt.getTime() + 7 * 86_400_000);
    expect(r.timeline.map((e) => e.action).slice(-2)).toEqual(["refund", "refund_failed"]);
    expect((await order(made)).refundedFen).toBe(0);
    const [failed] = await db.select().from(refunds).where(eq(refunds.requestId, s.res.id));
    expect(failed).toMatchObject({ status: "failed", failureReason: "ACQ.SELLER_BALANCE_NOT_ENOUGH: 余额不足", attempts: 1 });
    expect(failed!.lastAnswer).toMatchObject({ state: "refused", code: "ACQ.SELLER_BALANCE_NOT_ENOUGH", message: "余额不足" });

    const gateways = new GatewayRegistry([gateway]);
    const fin = await staffCaller(db, "finance", { gateways });
    await fin.caller.staff.refund({ requestId: s.res.id, version: r.version });
    await runRefundJobs(db, gateways);
    r = await s.read();
    expect(r.status).toBe("completed");
    const [paid] = await db.select().from(refunds).where(eq(refunds.requestId, s.res.id));
    expect(paid).toMatchObject({ status: "succeeded", attempts: 2, amountFen: 66_00, outRefundNo: `RF${s.res.rmaNo}-1` });
    expect(gateway.starts.map((o) => o.outRefundNo)).toEqual([`RF${s.res.rmaNo}-1`, `RF${s.res.rmaNo}-1`]);
    expect(gateway.payouts).toBe(1);
    expect((await order(made)).refundedFen).toBe(66_00);
  });
});

describe("returning a line one item at a time", () => {
  it("¥10.00 for three items refunds 3.33 + 3.33 + 3.34: exactly what was paid", async () => {
    const made = await makeOrder(db, [{ priceFen: 333, quantity: 3, paidFen: 10_00 }]);
    const amounts = [];
    for (let i = 0; i < 3; i++) {
      const s = await submitFor(db, made, "refund_only", { quantity: 1 });
      amounts.push((await s.read()).requestedRefundFen);
      await approveAndRefund(s);
    }
    expect(amounts).toEqual([333, 333, 334]);
    expect((await order(made)).refundedFen).toBe(10_00);
    // Nothing is left to return.
    const fourth = await failureOf(submitFor(db, made, "refund_only", { quantity: 1 }));
    expect(appCodeOf(fourth)).toBe("line_not_returnable");
  });

  it("the order's refunds can never exceed what was paid, whatever the code asks", async () => {
    const made = await makeOrder(db, [{ priceFen: 50_00 }]);
    const s = await submitFor(db, made, "refund_only");
    await approveAndRefund(s);
    await expect(db.update(orders).set({ refundedFen: 50_01 }).where(eq(orders.id, made.order.id))).rejects.toThrow();
    expect((await order(made)).refundedFen).toBe(50_00);
  });

  // A line is priced by how many of its units are held, so a cancellation between claims once
  // priced the same "last unit" twice (333 + 334 + 334 = 10.01) and the last refund was refused.
  it("a cancelled request in between does not make the last refund exceed what was paid", async () => {
    const made = await makeOrder(db, [{ priceFen: 333, quantity: 3, paidFen: 10_00 }]);
    const a = await submitFor(db, made, "refund_only", { quantity: 1 }); // units priced 333
    const b = await submitFor(db, made, "refund_only", { quantity: 1 }); // 333
    const c = await submitFor(db, made, "refund_only", { quantity: 1 }); // 334
    await a.customer.customer.cancel({ requestId: a.res.id, version: 1 });
    const d = await submitFor(db, made, "refund_only", { quantity: 1 }); // what is left of the line: 333
    const asked = await Promise.all([b, c, d].map(async (s) => (await s.read()).requestedRefundFen));
    expect(asked).toEqual([333, 334, 333]);
    for (const s of [b, c, d]) await approveAndRefund(s);
    expect((await order(made)).refundedFen).toBe(10_00);
  });
});

describe("history", () => {
  it("every request here verifies", async () => {
    expect(await unverifiableHistories(db)).toEqual([]);
  });
});
