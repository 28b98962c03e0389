import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db";
import { makeOrder, staffCaller, submitFor, type Made } from "../../test/fixtures";
import { assessRequests, customerHistory } from "../customer-history";

const { db } = await createTestDatabase();

const phone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

/** A small return & refund, approved by customer service and shipped with `trackingNo`. */
async function shipped(made: Made, trackingNo: string) {
  const s = await submitFor(db, made, "return_refund");
  const cs = await staffCaller(db, "customer_service");
  let r = await s.read();
  await cs.caller.staff.approve({ requestId: s.res.id, version: r.version });
  r = await s.read();
  await s.customer.customer.ship({ requestId: s.res.id, version: r.version, carrier: "sf", trackingNo });
  return s;
}

describe("customer history and risk facts", () => {
  it("counts orders, returns, earlier rejections and mismatches, and the average amount, from the real history", async () => {
    const p = phone();
    const cs = await staffCaller(db, "customer_service");
    const ops = await staffCaller(db, "operations_manager");
    const wh = await staffCaller(db, "warehouse");

    // 1. rejected by customer service
    const a = await submitFor(db, await makeOrder(db, [{ priceFen: 50_00 }], { phone: p }), "refund_only");
    await cs.caller.staff.reject({ requestId: a.res.id, version: (await a.read()).version, rejectionCode: "evidence_insufficient", comment: "照片看不清" });
    // 2. parcel did not match: operations accepted it in full, the mismatch still counts
    const b = await shipped(await makeOrder(db, [{ priceFen: 50_00, quantity: 2 }], { phone: p }), `SF${randomUUID().replaceAll("-", "").slice(0, 10)}`);
    let rb = await b.read();
    await wh.caller.staff.receive({ requestId: b.res.id, version: rb.version, lines: rb.lines.map((l) => ({ returnLineId: l.id, receivedQuantity: 1, condition: "as_new" as const })) });
    rb = await b.read();
    expect(rb.status).toBe("inspection_mismatch");
    await ops.caller.staff.acceptFull({ requestId: b.res.id, version: rb.version });
    // 3. cancelled by the customer: not a return, not part of the average
    const c = await submitFor(db, await makeOrder(db, [{ priceFen: 9_00 }], { phone: p }), "refund_only");
    await c.customer.customer.cancel({ requestId: c.res.id, version: (await c.read()).version });
    // 4. the request under review, far above the earlier average
    const d = await submitFor(db, await makeOrder(db, [{ priceFen: 600_00 }], { phone: p }), "refund_only");

    // A calm customer in the same batch, and an id that does not exist.
    const calm = await submitFor(db, await makeOrder(db, [{ priceFen: 30_00 }]), "refund_only");
    const missing = randomUUID();

    const all = await assessRequests(db, [d.res.id, calm.res.id, missing, d.res.id]);
    expect([...all.keys()].sort()).toEqual([d.res.id, calm.res.id].sort());

    const risk = all.get(d.res.id)!;
    expect(risk.facts).toEqual({
      orders: 4,
      returns: 3,
      earlierRejections: 1,
      earlierMismatches: 1,
      requestedFen: 600_00,
      earlierRequestedFen: [100_00, 50_00],
      sharedContacts: [{ field: "return_tracking", otherCustomers: 0 }],
    });
    expect(risk.signals.map((s) => s.name)).toEqual(["high_return_rate", "earlier_rejections", "earlier_mismatches", "amount_above_average"]);
    expect(risk.signals.find((s) => s.name === "amount_above_average")).toMatchObject({ averageFen: 75_00, multiple: 8 });
    expect(risk.earlierRequests.map((r) => [r.rmaNo, r.rejected, r.mismatch])).toEqual([
      [c.res.rmaNo, false, false],
      [b.res.rmaNo, false, true],
      [a.res.rmaNo, true, false],
    ]);

    expect(all.get(calm.res.id)).toMatchObject({ facts: { orders: 1, returns: 1, earlierRejections: 0 }, signals: [], earlierRequests: [] });

    // The earliest request has nothing before it: its own rejection is not "earlier".
    const first = (await assessRequests(db, [a.res.id])).get(a.res.id)!;
    expect(first.facts).toMatchObject({ earlierRejections: 0, earlierMismatches: 0, earlierRequestedFen: [] });

    const history = await customerHistory(db, d.res.id);
    expect(history!.orders).toHaveLength(4);
    expect(history!.orders.every((o) => o.channel === "own_shop")).toBe(true);
    expect(await customerHistory(db, missing)).toBeNull();
  });

  it("flags a return tracking number that another customer's request also declared", async () => {
    const tracking = `YT${randomUUID().replaceAll("-", "").slice(0, 10)}`;
    const one = await shipped(await makeOrder(db, [{ priceFen: 40_00 }]), tracking);
    const two = await shipped(await makeOrder(db, [{ priceFen: 40_00 }]), tracking);
    const own = await shipped(await makeOrder(db, [{ priceFen: 40_00 }]), `YT${randomUUID().replaceAll("-", "").slice(0, 10)}`);

    const all = await assessRequests(db, [one.res.id, two.res.id, own.res.id]);
    for (const id of [one.res.id, two.res.id]) {
      expect(all.get(id)!.signals).toEqual([{ name: "shared_contact", fields: [{ field: "return_tracking", otherCustomers: 1 }] }]);
    }
    expect(all.get(own.res.id)!.signals).toEqual([]);
  });

  it("counts returned orders, not requests: two requests on one order are one returned order", async () => {
    const made = await makeOrder(db, [{ priceFen: 40_00, quantity: 2 }]);
    await submitFor(db, made, "refund_only", { quantity: 1 });
    const second = await submitFor(db, made, "refund_only", { quantity: 1 });
    const risk = (await assessRequests(db, [second.res.id])).get(second.res.id)!;
    expect(risk.facts).toMatchObject({ orders: 1, returns: 1 });
  });

  it("an empty list asks the database nothing and returns nothing", async () => {
    expect((await assessRequests(db, [])).size).toBe(0);
  });
});
