/**
 * Many people pressing the same button at the same moment: the database decides, exactly one
 * wins, the others get a clean refusal, and neither items nor money are counted twice.
 */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orderLines, orders, refunds, returnEvents, returnRequests } from "../../../db/schema";
import { TestGateway } from "../../test/test-gateway";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, customerCaller, makeOrder, staffCaller, submitFor, unverifiableHistories, type Made, runRefundJobs, testGateways } from "../../test/fixtures";

const { db } = await createTestDatabase();

function outcomes<T>(settled: PromiseSettledResult<T>[]) {
  const ok = settled.filter((s): s is PromiseFulfilledResult<T> => s.status === "fulfilled").map((s) => s.value);
  const errors = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected").map((s) => s.reason as unknown);
  return { ok, errors };
}

async function claimed(made: Made) {
  const [line] = await db.select().from(orderLines).where(eq(orderLines.id, made.lines[0]!.line.id));
  return line!.claimedQuantity;
}

async function requestsOf(made: Made) {
  return db.select().from(returnRequests).where(eq(returnRequests.orderId, made.order.id));
}

/** The same line, `quantity` units, as one submission; the key decides whether it is a retry. */
function submitLine(made: Made, quantity: number, idempotencyKey: string) {
  return customerCaller(db, made.customer).customer.submit({
    orderId: made.order.id,
    type: "refund_only",
    idempotencyKey,
    lines: [{ orderLineId: made.lines[0]!.line.id, quantity, reasonCode: "size_not_fit" }],
  });
}

describe("twenty customer service agents approve the same request at once", () => {
  it("exactly one approval wins, nineteen get CONFLICT, one approve event is written", async () => {
    const made = await makeOrder(db, [{ priceFen: 99_00 }]);
    const { res, read } = await submitFor(db, made, "refund_only");
    const { version } = await read();
    const agents = await Promise.all(Array.from({ length: 20 }, () => staffCaller(db, "customer_service")));

    const settled = await Promise.allSettled(agents.map((a) => a.caller.staff.approve({ requestId: res.id, version })));
    const { ok, errors } = outcomes(settled);

    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatchObject({ status: "pending_refund", version: version + 1 });
    expect(errors).toHaveLength(19);
    for (const e of errors) {
      expect(e).toBeInstanceOf(TRPCError);
      expect((e as TRPCError).code).toBe("CONFLICT");
      expect(appCodeOf(e as TRPCError)).toBe("version_conflict");
    }
    const [approvals] = await db
      .select({ n: count() })
      .from(returnEvents)
      .where(and(eq(returnEvents.requestId, res.id), eq(returnEvents.action, "approve")));
    expect(approvals!.n).toBe(1);
    expect(await read()).toMatchObject({ status: "pending_refund", version: version + 1 });
  });
});

describe("double submission", () => {
  it("two submissions with the same idempotency key at once make one request", async () => {
    const made = await makeOrder(db, [{ priceFen: 35_00, quantity: 2 }]);
    const key = randomUUID();

    const [a, b] = await Promise.all([submitLine(made, 2, key), submitLine(made, 2, key)]);

    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await requestsOf(made)).toHaveLength(1);
    expect(await claimed(made)).toBe(2);
  });

  it("two submissions for the whole line with different keys: one succeeds, the other is refused cleanly", async () => {
    const made = await makeOrder(db, [{ priceFen: 35_00, quantity: 2 }]);

    const settled = await Promise.allSettled([submitLine(made, 2, randomUUID()), submitLine(made, 2, randomUUID())]);
    const { ok, errors } = outcomes(settled);

    expect(ok).toHaveLength(1);
    expect(errors).toHaveLength(1);
    const refused = errors[0] as TRPCError;
    expect(refused).toBeInstanceOf(TRPCError);
    // A refusal the customer can read, never a server error.
    expect(["BAD_REQUEST", "CONFLICT"]).toContain(refused.code);
    expect(["line_not_returnable", "quantity_exceeds_available", "items_already_claimed"]).toContain(appCodeOf(refused));
    expect(await requestsOf(made)).toHaveLength(1);
    expect(await claimed(made)).toBe(2);
  });

  it("ten one-item submissions race for a line of three: exactly three succeed and the claim stops at three", async () => {
    const made = await makeOrder(db, [{ priceFen: 10_00, quantity: 3 }]);

    const settled = await Promise.allSettled(Array.from({ length: 10 }, () => submitLine(made, 1, randomUUID())));
    const { ok, errors } = outcomes(settled);

    expect(ok).toHaveLength(3);
    expect(errors).toHaveLength(7);
    for (const e of errors) expect(["BAD_REQUEST", "CONFLICT"]).toContain((e as TRPCError).code);
    expect(await requestsOf(made)).toHaveLength(3);
    expect(await claimed(made)).toBe(3);
    // Each unit is priced once: the three requests add up to exactly what was paid.
    const requested = (await requestsOf(made)).map((r) => r.requestedRefundFen);
    expect(requested.reduce((x, y) => x + y, 0)).toBe(30_00);
  });
});

describe("two finance users press refund at once", () => {
  it("money leaves once: one refund row, one payout, the order refunded exactly once", async () => {
    const gateway = new TestGateway();
    const made = await makeOrder(db, [{ priceFen: 150_00 }]);
    const { res, read } = await submitFor(db, made, "refund_only");
    const cs = await staffCaller(db, "customer_service");
    await cs.caller.staff.approve({ requestId: res.id, version: (await read()).version });
    const { version } = await read();
    const fins = await Promise.all([staffCaller(db, "finance", { gateways: testGateways(gateway) }), staffCaller(db, "finance", { gateways: testGateways(gateway) })]);

    const { ok, errors } = outcomes(await Promise.allSettled(fins.map((f) => f.caller.staff.refund({ requestId: res.id, version }))));
    await runRefundJobs(db, testGateways(gateway));

    expect(ok).toHaveLength(1);
    expect(errors.map((e) => (e as TRPCError).code)).toEqual(["CONFLICT"]);
    expect(await db.select().from(refunds).where(eq(refunds.requestId, res.id))).toHaveLength(1);
    expect(gateway.payouts).toBe(1);
    const [order] = await db.select().from(orders).where(eq(orders.id, made.order.id));
    expect(order!.refundedFen).toBe(150_00);
    expect((await read()).status).toBe("completed");
  });
});

describe("the customer cancels while an agent approves", () => {
  it("one of them wins and the items are held or released accordingly", async () => {
    const made = await makeOrder(db, [{ priceFen: 20_00 }]);
    const { res, read, customer } = await submitFor(db, made, "refund_only");
    const cs = await staffCaller(db, "customer_service");
    const { version } = await read();

    const { ok, errors } = outcomes(
      await Promise.allSettled([customer.customer.cancel({ requestId: res.id, version }), cs.caller.staff.approve({ requestId: res.id, version })]),
    );

    expect(ok).toHaveLength(1);
    expect(errors.map((e) => (e as TRPCError).code)).toEqual(["CONFLICT"]);
    const r = await read();
    expect(r.status).toBe(ok[0]!.status);
    expect(await claimed(made)).toBe(r.status === "cancelled" ? 0 : 1);
  });
});

describe("history", () => {
  it("the races above left every request's history intact", async () => {
    expect(await unverifiableHistories(db)).toEqual([]);
  });
});
