import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders, refunds } from "../../db/schema";
import { gatewayRegistry } from "../payments/registry";
import { createTestDatabase } from "../test/db";
import { appCodeOf, failureOf, makeOrder, staffCaller, submitFor } from "../test/fixtures";

/**
 * Outside demo mode no gateway is registered (real Alipay / WeChat Pay adapters come later), so
 * finance's refund is refused before anything is reserved: the money is refunded offline or by
 * the platform, never marked paid by a simulator (docs/decisions/012-demo-versus-production.md).
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
    const fin = await staffCaller(db, "finance", { gateway: gatewayRegistry({ DEMO_MODE: "0" }), locale: "en" });
    const e = await failureOf(fin.caller.staff.refund({ requestId: s.res.id, version: (await s.read()).version }));
    expect(appCodeOf(e)).toBe("no_gateway_for_method");
    expect(e.message).toMatch(/No payment gateway is configured for (Alipay|WeChat Pay|UnionPay|platform).*refund offline/);
    expect((await s.read()).status).toBe("pending_refund");
    expect(await db.select().from(refunds).where(eq(refunds.requestId, s.res.id))).toEqual([]);
    const [order] = await db.select().from(orders).where(eq(orders.id, made.order.id));
    expect(order?.refundedFen).toBe(0);
  });

  it("is paid by the simulated gateway under demo mode", async () => {
    const { s } = await approved();
    const fin = await staffCaller(db, "finance", { gateway: gatewayRegistry({ DEMO_MODE: "1" }) });
    await fin.caller.staff.refund({ requestId: s.res.id, version: (await s.read()).version });
    expect((await s.read()).status).toBe("completed");
  });
});
