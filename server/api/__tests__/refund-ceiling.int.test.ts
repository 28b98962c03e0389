/**
 * Several requests of one order refunded at the same moment, their amounts together above what
 * the customer paid: the order's refunded_fen never passes its total — the database's CHECK
 * (orders_refund_ceiling) refuses the reservation that would, and finance gets a clean refusal.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { orders, refunds, returnRequests } from "../../../db/schema";
import { createTestDatabase } from "../../test/db";
import { makeOrder, staffCaller, submitFor } from "../../test/fixtures";
import { executeRefund, refundsSettled, startRefundWorld, type RefundWorld } from "../../test/refund-flow";
import { refundStorm, type WaitingRequest } from "../../test/refund-storm";

const database = await createTestDatabase();
const { db } = database;
let world: RefundWorld | undefined;
afterAll(async () => {
  await world?.stop();
});

describe("concurrent partial refunds on one order", () => {
  it("never reserve more than was paid: the reservation past the total is refused by the database", async () => {
    // Three lines of ¥40, ¥120 paid. Each request's amount is then raised to ¥50 behind the
    // application's back (a pricing bug, stale data): together ¥150, above what was paid.
    const made = await makeOrder(db, [{ priceFen: 40_00 }, { priceFen: 40_00 }, { priceFen: 40_00 }]);
    const cs = await staffCaller(db, "customer_service");
    const waiting: WaitingRequest[] = [];
    for (const line of made.lines) {
      const s = await submitFor(db, { ...made, lines: [line] }, "refund_only");
      await cs.caller.staff.approve({ requestId: s.res.id, version: (await s.read()).version });
      await db.update(returnRequests).set({ requestedRefundFen: 50_00 }).where(eq(returnRequests.id, s.res.id));
      waiting.push({ made, requestId: s.res.id, rmaNo: s.res.rmaNo, amountFen: 50_00, read: s.read });
    }
    world = await startRefundWorld(database, "alipay");
    const fins = [(await world.flow.finance()).caller, (await world.flow.finance()).caller];

    const storm = await refundStorm(waiting, fins, executeRefund, 6);

    expect(storm.unexpected).toEqual([]);
    const [order] = await db.select().from(orders).where(eq(orders.id, made.order.id));
    expect(order!.refundedFen).toBeLessThanOrEqual(120_00);
    // Two fit (¥100), the third would make ¥150: refused, whichever lost the race.
    expect(order!.refundedFen).toBe(100_00);
    expect(storm.refusals["BAD_REQUEST/refund_exceeds_paid"]).toBeGreaterThan(0);
    const rows = await db.select().from(refunds).where(inArray(refunds.requestId, waiting.map((w) => w.requestId)));
    const reserved = rows.filter((r) => r.status !== "failed" && r.status !== "closed").reduce((a, r) => a + r.amountFen, 0);
    expect(reserved).toBe(order!.refundedFen);

    // The worker pays what was reserved through the Alipay sandbox: its ledger never shows more than was paid either.
    await refundsSettled(db, waiting.map((w) => w.requestId));
    const numbers = new Set(rows.map((r) => r.outRefundNo));
    const ledger = (await world.flow.sandbox.ledger()).filter((e) => numbers.has(e.outRefundNo) && e.status === "SUCCESS");
    expect(ledger.reduce((a, e) => a + e.amountFen, 0)).toBe(100_00);

    // And directly: no statement, however written, takes the order past its total.
    const refused = await db
      .update(orders)
      .set({ refundedFen: sql`${orders.refundedFen} + ${20_01}` })
      .where(eq(orders.id, made.order.id))
      .then(
        () => null,
        (e: { cause?: { constraint_name?: string } }) => e,
      );
    expect(refused?.cause?.constraint_name).toBe("orders_refund_ceiling");
    const [after] = await db.select().from(orders).where(eq(orders.id, made.order.id));
    expect(after!.refundedFen).toBe(100_00);
  });
});
