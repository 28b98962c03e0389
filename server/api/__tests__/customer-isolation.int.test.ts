/**
 * A customer sees and touches only their own orders and requests. Someone else's request is
 * not "forbidden" but simply not there (NOT_FOUND), so ids and RMA numbers cannot be probed.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orderLines, returnRequests } from "../../../db/schema";
import { createTestDatabase } from "../../test/db";
import { customerCaller, failureOf, makeOrder, rowCounts, staffCaller, submitFor, unverifiableHistories, type Made } from "../../test/fixtures";

const { db } = await createTestDatabase();

let alice: Made;
let bob: Made;
let aliceRequest: { id: string; rmaNo: string };
let aliceRejected: { id: string; rmaNo: string };
let aliceNeedsInfo: { id: string };
let aliceAwaitingShipment: { id: string };
let b: ReturnType<typeof customerCaller>;

beforeAll(async () => {
  alice = await makeOrder(db, [{ priceFen: 60_00, quantity: 3 }, { priceFen: 20_00 }]);
  bob = await makeOrder(db, [{ priceFen: 15_00 }]);
  b = customerCaller(db, bob.customer);
  const cs = await staffCaller(db, "customer_service");

  aliceRequest = (await submitFor(db, alice, "return_refund", { quantity: 1 })).res;
  const rejected = await submitFor(db, await makeOrder(db, [{ priceFen: 10_00 }], { phone: alice.customer.phone }), "refund_only");
  await cs.caller.staff.reject({ requestId: rejected.res.id, version: 1, rejectionCode: "other", comment: "不符合" });
  aliceRejected = rejected.res;
  const info = await submitFor(db, await makeOrder(db, [{ priceFen: 10_00 }], { phone: alice.customer.phone }), "refund_only");
  await cs.caller.staff.requestInfo({ requestId: info.res.id, version: 1, comment: "请补充" });
  aliceNeedsInfo = info.res;
  const approved = await submitFor(db, await makeOrder(db, [{ priceFen: 10_00 }], { phone: alice.customer.phone }), "return_refund");
  await cs.caller.staff.approve({ requestId: approved.res.id, version: 1 });
  aliceAwaitingShipment = approved.res;

  // Bob has a request of his own, so "nothing" is not the trivial answer.
  await submitFor(db, bob, "refund_only");
});

async function statusOf(id: string) {
  const [row] = await db.select({ status: returnRequests.status, version: returnRequests.version }).from(returnRequests).where(eq(returnRequests.id, id));
  return row!;
}

describe("customer B and customer A's requests", () => {
  it("B cannot read A's request by id or by RMA number", async () => {
    expect((await failureOf(b.customer.request({ id: aliceRequest.id }))).code).toBe("NOT_FOUND");
    expect((await failureOf(b.customer.request({ rmaNo: aliceRequest.rmaNo }))).code).toBe("NOT_FOUND");
    // Lower case is the same RMA number to the app: still not found.
    expect((await failureOf(b.customer.request({ rmaNo: aliceRequest.rmaNo.toLowerCase() }))).code).toBe("NOT_FOUND");
    // While A can, either way.
    const a = customerCaller(db, alice.customer);
    expect((await a.customer.request({ rmaNo: aliceRequest.rmaNo.toLowerCase() })).id).toBe(aliceRequest.id);
  });

  it("B cannot cancel, ship, appeal or answer on A's requests, and they stay as they were", async () => {
    const before = await rowCounts(db);
    const states = await Promise.all([aliceRequest, aliceRejected, aliceNeedsInfo, aliceAwaitingShipment].map((r) => statusOf(r.id)));

    expect((await failureOf(b.customer.cancel({ requestId: aliceRequest.id, version: 1 }))).code).toBe("NOT_FOUND");
    expect((await failureOf(b.customer.ship({ requestId: aliceAwaitingShipment.id, version: 2, carrier: "sf", trackingNo: "SF1234567890" }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await failureOf(b.customer.appeal({ requestId: aliceRejected.id, version: 2, comment: "我来申诉" }))).code).toBe("NOT_FOUND");
    expect((await failureOf(b.customer.provideInfo({ requestId: aliceNeedsInfo.id, version: 2, comment: "我来补充" }))).code).toBe("NOT_FOUND");

    expect(await Promise.all([aliceRequest, aliceRejected, aliceNeedsInfo, aliceAwaitingShipment].map((r) => statusOf(r.id)))).toEqual(states);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("B's list of requests holds only B's", async () => {
    const mine = await b.customer.requests();
    expect(mine).toHaveLength(1);
    expect(mine.map((r) => r.orderNo)).toEqual([bob.order.orderNo]);
    const alicesIds = [aliceRequest, aliceRejected, aliceNeedsInfo, aliceAwaitingShipment].map((r) => r.id);
    expect(mine.filter((r) => alicesIds.includes(r.id))).toEqual([]);
    // And A's holds A's four.
    expect((await customerCaller(db, alice.customer).customer.requests()).map((r) => r.id).sort()).toEqual([...alicesIds].sort());
  });
});

describe("customer B and customer A's orders", () => {
  it("B cannot list the lines of A's order", async () => {
    const e = await failureOf(b.customer.returnableLines({ orderNo: alice.order.orderNo }));
    expect(e.code).toBe("NOT_FOUND");
    expect((await b.customer.orders()).map((o) => o.orderNo)).toEqual([bob.order.orderNo]);
  });

  it("B cannot submit against A's order, not even with B's own order id and A's line", async () => {
    const before = await rowCounts(db);
    const aliceLine = alice.lines[0]!.line;
    const direct = await failureOf(
      b.customer.submit({
        orderId: alice.order.id,
        type: "refund_only",
        idempotencyKey: randomUUID(),
        lines: [{ orderLineId: aliceLine.id, quantity: 1, reasonCode: "size_not_fit" }],
      }),
    );
    expect(direct.code).toBe("NOT_FOUND");
    const mixed = await failureOf(
      b.customer.submit({
        orderId: bob.order.id,
        type: "refund_only",
        idempotencyKey: randomUUID(),
        lines: [{ orderLineId: aliceLine.id, quantity: 1, reasonCode: "size_not_fit" }],
      }),
    );
    expect(mixed.code).toBe("NOT_FOUND");
    expect(await rowCounts(db)).toEqual(before);
    const [line] = await db.select().from(orderLines).where(eq(orderLines.id, aliceLine.id));
    expect(line!.claimedQuantity).toBe(1);
  });

  it("B's idempotency key cannot fetch A's request", async () => {
    // A retried submit answers with the earlier request only for the same customer.
    const [row] = await db.select().from(returnRequests).where(eq(returnRequests.id, aliceRequest.id));
    const e = await failureOf(
      b.customer.submit({
        orderId: alice.order.id,
        type: "return_refund",
        idempotencyKey: row!.idempotencyKey,
        lines: [{ orderLineId: alice.lines[0]!.line.id, quantity: 1, reasonCode: "size_not_fit" }],
      }),
    );
    expect(e.code).toBe("NOT_FOUND");
  });
});

describe("history", () => {
  it("every request here verifies", async () => {
    expect(await unverifiableHistories(db)).toEqual([]);
  });
});
