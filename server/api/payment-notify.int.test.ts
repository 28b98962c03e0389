/**
 * The gateways' notification route (handlePaymentNotification, behind
 * app/api/payments/[channel]/notify/route.ts): a verified notification is recorded once and
 * acknowledged; a forged, oversized or unreadable one, or one for a gateway that is not
 * configured, changes nothing and says nothing about the inside.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders, refunds, returnEvents } from "../../db/schema";
import { GatewayRegistry } from "../payments/registry";
import { createTestDatabase } from "../test/db";
import { makeOrder, staffCaller, submitFor, unverifiableHistories } from "../test/fixtures";
import { TestGateway } from "../test/test-gateway";
import { handlePaymentNotification, NOTIFY_MAX_BYTES } from "./payment-notify";

const { db } = await createTestDatabase();
const gateways = new GatewayRegistry([new TestGateway("alipay")]);
const logged: string[] = [];
const deps = { db, gateways, log: (line: string) => logged.push(line) };

async function refunding() {
  const made = await makeOrder(db, [{ priceFen: 70_00 }]);
  const s = await submitFor(db, made, "refund_only");
  const cs = await staffCaller(db, "customer_service");
  await cs.caller.staff.approve({ requestId: s.res.id, version: (await s.read()).version });
  const fin = await staffCaller(db, "finance", { gateways });
  await fin.caller.staff.refund({ requestId: s.res.id, version: (await s.read()).version });
  return { made, ...s, outRefundNo: `RF${s.res.rmaNo}-1` };
}

function notification(body: string, signature = "good", segment = "alipay") {
  const req = new Request(`http://localhost/api/payments/${segment}/notify`, { method: "POST", headers: { "content-type": "application/json", "x-test-signature": signature }, body });
  return handlePaymentNotification(req, segment, deps);
}

const paid = (outRefundNo: string): string =>
  JSON.stringify({ outRefundNo, answer: { state: "succeeded", gatewayRefundId: "N-1", amountFen: 70_00, succeededAt: "2026-11-29T10:00:00.000Z" } });

async function snapshot(requestId: string, orderId: string) {
  const [refund] = await db.select().from(refunds).where(eq(refunds.requestId, requestId));
  const events = await db.select().from(returnEvents).where(eq(returnEvents.requestId, requestId));
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  return { refund, events: events.length, refundedFen: order!.refundedFen };
}

describe("a refund notification", () => {
  it("verified: recorded once, the request completes, and the gateway gets its acknowledgement — also for the duplicate", async () => {
    const s = await refunding();
    const res = await notification(paid(s.outRefundNo));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("success");
    expect((await s.read()).status).toBe("completed");
    const after = await snapshot(s.res.id, s.made.order.id);
    expect(after.refund).toMatchObject({ status: "succeeded", gatewayRefundId: "N-1", attempts: 0, succeededAt: new Date("2026-11-29T10:00:00.000Z") });

    const duplicate = await notification(paid(s.outRefundNo));
    expect(duplicate.status).toBe(200);
    expect(await snapshot(s.res.id, s.made.order.id)).toEqual(after);
  });

  it("forged, unreadable, oversized, for an unconfigured gateway or an unknown path: refused, nothing changes, nothing internal is said", async () => {
    const s = await refunding();
    const before = await snapshot(s.res.id, s.made.order.id);
    const answers = [
      await notification(paid(s.outRefundNo), "forged"),
      await notification("{not json"),
      await notification("x".repeat(NOTIFY_MAX_BYTES + 1)),
      await notification(paid(s.outRefundNo), "good", "wechat-pay"),
      await notification(paid(s.outRefundNo), "good", "unionpay"),
    ];
    expect(answers.map((r) => r.status)).toEqual([400, 400, 413, 404, 404]);
    for (const r of answers) expect(await r.text()).not.toMatch(/refund|sql|error|stack|RF/i);
    expect(await snapshot(s.res.id, s.made.order.id)).toEqual(before);
    expect((await s.read()).status).toBe("refunding");
    expect(logged.some((l) => l.includes("rejected: bad signature"))).toBe(true);
  });

  it("for a refund number that is not ours: acknowledged, nothing changes", async () => {
    const res = await notification(paid("RFNOTOURS-1"));
    expect(res.status).toBe(200);
  });

  it("leaves every history verifiable", async () => {
    expect(await unverifiableHistories(db)).toEqual([]);
  });
});
