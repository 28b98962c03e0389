import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders, refunds } from "../../db/schema";
import { GatewayRegistry } from "../payments/registry";
import { TestGateway } from "../test/test-gateway";
import { createTestDatabase } from "../test/db";
import { appCodeOf, failureOf, makeOrder, runRefundJobs, staffCaller, submitFor } from "../test/fixtures";

/**
 * A server without a gateway for the order's payment method (none configured, UnionPay,
 * platform orders) refuses finance's online refund before anything is reserved or queued: the
 * money is refunded offline or by the platform (docs/decisions/021-refunds-exactly-once.md).
 */
const { db } = await createTestDatabase();

async function approved() {
  const made = await makeOrder(db, [{ priceFen: 45_00 }]);
  const s = await submitFor(db, made, "refund_only");
  const cs = await staffCaller(db, "customer_service");
  await cs.caller.staff.approve({ requestId: s.res.id, version: (await s.read()).version });
  return { made, s };
}

describe("a refund on a server without a gateway for the order's payment method", () => {
  it("is refused with no_gateway_for_method, naming the method, and nothing is reserved or paid", async () => {
    const { made, s } = await approved();
    const fin = await staffCaller(db, "finance", { gateways: new GatewayRegistry([new TestGateway("wechat_pay")]), locale: "en" });
    const e = await failureOf(fin.caller.staff.refund({ requestId: s.res.id, version: (await s.read()).version }));
    expect(appCodeOf(e)).toBe("no_gateway_for_method");
    expect(e.message).toMatch(/No payment gateway is configured for (Alipay|WeChat Pay|UnionPay|platform).*refund offline/);
    expect((await s.read()).status).toBe("pending_refund");
    expect(await db.select().from(refunds).where(eq(refunds.requestId, s.res.id))).toEqual([]);
    const [order] = await db.select().from(orders).where(eq(orders.id, made.order.id));
    expect(order?.refundedFen).toBe(0);
  });

  it("is paid through the order's gateway when it is configured", async () => {
    const { s } = await approved();
    const gateways = new GatewayRegistry([new TestGateway("alipay")]);
    const fin = await staffCaller(db, "finance", { gateways });
    await fin.caller.staff.refund({ requestId: s.res.id, version: (await s.read()).version });
    expect((await s.read()).status).toBe("refunding");
    await runRefundJobs(db, gateways);
    expect((await s.read()).status).toBe("completed");
  });
});
