/**
 * Approval thresholds cannot be dodged by splitting a return (docs/product-rules.md, decision 017):
 * a request is routed counted with what the same order, and the same customer within the policy's
 * history window, already holds (open or refunded).
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { returnEvents, returnRequests } from "../../../db/schema";
import { TestGateway } from "../../test/test-gateway";
import { submitReturn } from "../../services/submit-return";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, customerCaller, failureOf, makeOrder, staffCaller, unverifiableHistories, type Made, runRefundJobs, testGateways } from "../../test/fixtures";

const { db } = await createTestDatabase();

const DAY = 86_400_000;

/** The customer of `made` files one request for the whole of line `i`, through the API. */
async function fileLine(made: Made, i: number) {
  const customer = customerCaller(db, made.customer);
  const res = await customer.customer.submit({
    orderId: made.order.id,
    type: "refund_only",
    idempotencyKey: randomUUID(),
    lines: [{ orderLineId: made.lines[i]!.line.id, quantity: made.lines[i]!.line.quantity, reasonCode: "size_not_fit" }],
  });
  const read = () => customer.customer.request({ id: res.id });
  return { customer, res, read };
}

async function storedRoute(requestId: string) {
  const [row] = await db.select({ route: returnRequests.route }).from(returnRequests).where(eq(returnRequests.id, requestId));
  return row!.route;
}

describe("a ¥5,000 order returned as three requests under ¥2,000", () => {
  it("the request that brings the order over ¥2,000 needs a second finance approver, and gets one", async () => {
    const gateway = new TestGateway();
    const made = await makeOrder(db, [{ priceFen: 1700_00 }, { priceFen: 1700_00 }, { priceFen: 1600_00 }]);
    const cs = await staffCaller(db, "customer_service");
    const ops = await staffCaller(db, "operations_manager");
    const fin1 = await staffCaller(db, "finance", { gateways: testGateways(gateway) });
    const fin2 = await staffCaller(db, "finance", { gateways: testGateways(gateway) });

    const first = await fileLine(made, 0);
    expect((await first.read()).stages).toEqual(["cs_review", "ops_review", "refund"]);
    const second = await fileLine(made, 1);
    const third = await fileLine(made, 2);
    for (const req of [second, third]) expect((await req.read()).stages).toEqual(["cs_review", "ops_review", "refund_approval", "refund"]);
    expect(await storedRoute(second.res.id)).toEqual({
      stages: ["cs_review", "ops_review", "refund_approval", "refund"],
      matchedRules: ["amount-over-200", "four-eyes-over-2000"],
      counted: { requests: 2, amountFen: 3400_00 },
    });
    expect(await storedRoute(third.res.id)).toMatchObject({ counted: { requests: 3, amountFen: 5000_00 } });
    // The submit event says why, too.
    const [submit] = await db.select().from(returnEvents).where(eq(returnEvents.requestId, third.res.id));
    expect(submit!.changes).toMatchObject({ route: ["cs_review", "ops_review", "refund_approval", "refund"], counted: { requests: 3, amountFen: 5000_00 } });

    // The third request, through to the money: one finance user cannot both approve and pay it.
    let r = await third.read();
    await cs.caller.staff.approve({ requestId: third.res.id, version: r.version });
    r = await third.read();
    await ops.caller.staff.approve({ requestId: third.res.id, version: r.version });
    r = await third.read();
    expect(r.status).toBe("pending_refund_approval");
    await fin1.caller.staff.approveRefund({ requestId: third.res.id, version: r.version });
    r = await third.read();
    const sameUser = await failureOf(fin1.caller.staff.refund({ requestId: third.res.id, version: r.version }));
    expect(appCodeOf(sameUser)).toBe("four_eyes_required");
    await fin2.caller.staff.refund({ requestId: third.res.id, version: r.version });
    await runRefundJobs(db, testGateways(gateway));
    expect((await third.read()).status).toBe("completed");
    expect(await unverifiableHistories(db)).toEqual([]);
  });

  it("refunded requests count as much as open ones; cancelled ones give their share back", async () => {
    const gateway = new TestGateway();
    const made = await makeOrder(db, [{ priceFen: 1500_00 }, { priceFen: 1500_00 }, { priceFen: 1500_00 }]);
    const cs = await staffCaller(db, "customer_service");
    const ops = await staffCaller(db, "operations_manager");
    const fin = await staffCaller(db, "finance", { gateways: testGateways(gateway) });

    // The first is refunded in full before the second is filed.
    const first = await fileLine(made, 0);
    let r = await first.read();
    await cs.caller.staff.approve({ requestId: first.res.id, version: r.version });
    r = await first.read();
    await ops.caller.staff.approve({ requestId: first.res.id, version: r.version });
    r = await first.read();
    await fin.caller.staff.refund({ requestId: first.res.id, version: r.version });
    await runRefundJobs(db, testGateways(gateway));
    expect((await first.read()).status).toBe("completed");

    const second = await fileLine(made, 1);
    expect((await second.read()).stages).toContain("refund_approval");
    // Cancelled: it no longer holds anything, so the third counts only the refunded first.
    await second.customer.customer.cancel({ requestId: second.res.id, version: (await second.read()).version });
    const third = await fileLine(made, 2);
    expect((await third.read()).stages).toContain("refund_approval");
    expect(await storedRoute(third.res.id)).toMatchObject({ counted: { requests: 2, amountFen: 3000_00 } });
  });
});

describe("the same customer across orders, within the policy's history window", () => {
  it("five ¥200 requests on five orders: operations review from the second on", async () => {
    const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const stages = [];
    for (let i = 0; i < 5; i++) {
      const made = await makeOrder(db, [{ priceFen: 200_00 }], { phone });
      stages.push((await (await fileLine(made, 0)).read()).stages);
    }
    expect(stages.map((s) => s.includes("ops_review"))).toEqual([false, true, true, true, true]);
  });

  it("a request of another order from before the window is not counted; one of the same order always is", async () => {
    const phone = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const old = await makeOrder(db, [{ priceFen: 1900_00 }], { phone });
    const oldReq = await fileLine(old, 0);
    // As if filed 100 days ago (the default window is 90 days).
    await db.update(returnRequests).set({ createdAt: new Date(Date.now() - 100 * DAY) }).where(eq(returnRequests.id, oldReq.res.id));
    const other = await makeOrder(db, [{ priceFen: 1900_00 }], { phone });
    expect((await (await fileLine(other, 0)).read()).stages).not.toContain("refund_approval");

    const sameOrder = await makeOrder(db, [{ priceFen: 1900_00 }, { priceFen: 1900_00 }]);
    const early = await fileLine(sameOrder, 0);
    await db.update(returnRequests).set({ createdAt: new Date(Date.now() - 100 * DAY) }).where(eq(returnRequests.id, early.res.id));
    expect((await (await fileLine(sameOrder, 1)).read()).stages).toContain("refund_approval");
  });

  it("two requests filed at the same moment on two orders still count each other", async () => {
    for (let round = 0; round < 5; round++) {
      const phone = `135${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
      const a = await makeOrder(db, [{ priceFen: 1500_00 }], { phone });
      const b = await makeOrder(db, [{ priceFen: 1500_00 }], { phone });
      const file = (made: Made) =>
        submitReturn(db, {
          customerId: made.customer.id,
          orderId: made.order.id,
          type: "refund_only",
          idempotencyKey: randomUUID(),
          lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 1, reasonCode: "size_not_fit" }],
        });
      const filed = await Promise.all([file(a), file(b)]);
      const routes = await Promise.all(filed.map((f) => storedRoute(f.id)));
      // Whichever came second saw the first: exactly one of them carries the second approver.
      expect(routes.filter((route) => route.stages.includes("refund_approval")).length).toBe(1);
    }
  });
});
