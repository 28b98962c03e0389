/**
 * The return slip's data (decision 027): the customer's own request only, once approved for
 * shipping; staff who may open the request; the phone masked for both; the request's warehouse.
 */
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db";
import { customerCaller, failureOf, makeOrder, staffCaller, submitFor } from "../../test/fixtures";

const { db } = await createTestDatabase();
const cs = (await staffCaller(db, "customer_service")).caller;
const warehouse = (await staffCaller(db, "warehouse")).caller;

async function approvedReturn() {
  const made = await makeOrder(db, [{ priceFen: 80_00, title: "纯棉T恤" }, { priceFen: 20_00, title: "袜子", quantity: 2 }], { phone: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}` });
  const filed = await submitFor(db, made, "return_refund");
  const before = await filed.customer.customer.returnLabel({ rmaNo: filed.res.rmaNo });
  const r = await filed.read();
  await cs.staff.approve({ requestId: r.id, version: r.version });
  return { made, ...filed, before };
}

describe("the customer's return slip", () => {
  it("is refused, with the reason, until the request is approved for shipping, then carries the RMA, address, lines and masked phone", async () => {
    const { made, res, customer, before } = await approvedReturn();
    expect(before.refusal).toBe("not_approved_yet");
    const label = await customer.customer.returnLabel({ rmaNo: res.rmaNo.toLowerCase() });
    expect(label.refusal).toBeNull();
    expect(label.rmaNo).toBe(res.rmaNo);
    expect(label.warehouse).toMatchObject({ address: "浙江省杭州市余杭区仓前街道 退换货仓", contactName: "售后部", contactPhone: "0571-88888888" });
    expect(label.lines.map((l) => [l.title, l.quantity])).toEqual([
      ["纯棉T恤", 1],
      ["袜子", 2],
    ]);
    expect(label.customer.phone).toBe(`${made.customer.phone.slice(0, 3)}****${made.customer.phone.slice(-4)}`);
    expect(JSON.stringify(label)).not.toContain(made.customer.phone);
    expect((await customer.customer.request({ id: res.id })).labelAvailable).toBe(true);
  });

  it("refuses another customer's request as not found, exactly like the tracking page", async () => {
    const { res } = await approvedReturn();
    const stranger = await makeOrder(db, [{ priceFen: 10_00 }]);
    const e = await failureOf(customerCaller(db, stranger.customer).customer.returnLabel({ rmaNo: res.rmaNo }));
    expect(e.code).toBe("NOT_FOUND");
    const page = await failureOf(customerCaller(db, stranger.customer).customer.request({ rmaNo: res.rmaNo }));
    expect(page.code).toBe("NOT_FOUND");
  });

  it("says a refund-only request sends nothing back", async () => {
    const { customer, res } = await submitFor(db, await makeOrder(db, [{ priceFen: 10_00 }]), "refund_only");
    expect((await customer.customer.returnLabel({ rmaNo: res.rmaNo })).refusal).toBe("no_parcel");
    expect((await customer.customer.request({ id: res.id })).labelAvailable).toBe(false);
  });
});

describe("the staff's return slip", () => {
  it("is there for staff who may open the request, phone masked", async () => {
    const { res, made } = await approvedReturn();
    const label = await warehouse.staff.returnLabel({ id: res.id });
    expect(label).toMatchObject({ rmaNo: res.rmaNo, refusal: null });
    expect(label.customer.phone).not.toBe(made.customer.phone);
  });

  it("is not found for the warehouse on a refund-only request (outside its reach), and refused as no parcel for others", async () => {
    const { res } = await submitFor(db, await makeOrder(db, [{ priceFen: 10_00 }]), "refund_only");
    expect((await failureOf(warehouse.staff.returnLabel({ id: res.id }))).code).toBe("NOT_FOUND");
    expect((await cs.staff.returnLabel({ id: res.id })).refusal).toBe("no_parcel");
  });
});
