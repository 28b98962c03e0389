import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders, refunds } from "../../../db/schema";
import { TestGateway } from "../../test/test-gateway";
import { verifyHistory } from "../../services/history-store";
import { customerCaller, makeOrder, staffCaller, runRefundJobs, testGateways } from "../../test/fixtures";
import { createTestDatabase } from "../../test/db";

const { db } = await createTestDatabase();

async function submit(type: "refund_only" | "return_refund" | "exchange", lineSpec: Parameters<typeof makeOrder>[1]) {
  const made = await makeOrder(db, lineSpec);
  const customer = customerCaller(db, made.customer);
  const res = await customer.customer.submit({
    orderId: made.order.id,
    type,
    idempotencyKey: randomUUID(),
    lines: made.lines.map((l) => ({
      orderLineId: l.line.id,
      quantity: l.line.quantity,
      reasonCode: "quality_problem" as const,
      exchangeSkuId: type === "exchange" ? l.variants[0]?.id : undefined,
    })),
  });
  const read = () => customer.customer.request({ id: res.id });
  return { made, customer, res, read };
}

describe("lifecycle per route", () => {
  it("small refund-only: customer service approves, finance refunds, done", async () => {
    const gateway = new TestGateway();
    const { res, read, made } = await submit("refund_only", [{ priceFen: 9900 }]);
    expect(res.status).toBe("pending_cs_review");
    const cs = await staffCaller(db, "customer_service");
    const fin = await staffCaller(db, "finance", { gateways: testGateways(gateway) });
    let r = await read();
    expect(r.stages).toEqual(["cs_review", "refund"]);
    await cs.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    expect(r.status).toBe("pending_refund");
    await fin.caller.staff.refund({ requestId: res.id, version: r.version });
    await runRefundJobs(db, testGateways(gateway));
    r = await read();
    expect(r.status).toBe("completed");
    expect(gateway.payouts).toBe(1);
    const [order] = await db.select().from(orders).where(eq(orders.id, made.order.id));
    expect(order!.refundedFen).toBe(9900);
    const [refund] = await db.select().from(refunds).where(eq(refunds.requestId, res.id));
    expect(refund).toMatchObject({ status: "succeeded", amountFen: 9900, outRefundNo: `RF${res.rmaNo}-1` });
    expect(r.timeline.map((e) => e.action)).toEqual(["submit", "approve", "refund", "refund_succeeded"]);
    expect(await verifyHistory(db, res.id)).toEqual({ ok: true, count: 4 });
  });

  it("high-value return & refund goes through operations, the parcel, the warehouse and finance", async () => {
    const { res, read, customer } = await submit("return_refund", [{ priceFen: 399900, highValue: true }]);
    const cs = await staffCaller(db, "customer_service");
    const ops = await staffCaller(db, "operations_manager");
    const wh = await staffCaller(db, "warehouse");
    const fin1 = await staffCaller(db, "finance");
    const fin2 = await staffCaller(db, "finance");
    let r = await read();
    expect(r.stages).toEqual(["cs_review", "ops_review", "customer_shipment", "warehouse_inspection", "refund_approval", "refund"]);
    await cs.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    await ops.caller.staff.approve({ requestId: res.id, version: r.version });
    r = await read();
    expect(r.status).toBe("awaiting_shipment");
    await customer.customer.ship({ requestId: res.id, version: r.version, carrier: "sf", trackingNo: "SF1234567890" });
    r = await read();
    expect(r.status).toBe("in_transit");
    await wh.caller.staff.receive({ requestId: res.id, version: r.version, lines: r.lines.map((l) => ({ returnLineId: l.id, receivedQuantity: l.quantity, condition: "as_new" as const })) });
    r = await read();
    expect(r.status).toBe("pending_refund_approval");
    await fin1.caller.staff.approveRefund({ requestId: res.id, version: r.version });
    r = await read();
    await expect(fin1.caller.staff.refund({ requestId: res.id, version: r.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await fin2.caller.staff.refund({ requestId: res.id, version: r.version });
    await runRefundJobs(db, testGateways());
    r = await read();
    expect(r.status).toBe("completed");
    expect((await verifyHistory(db, res.id)).ok).toBe(true);
  });
});
