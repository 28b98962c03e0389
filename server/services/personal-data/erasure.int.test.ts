import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { customers, returnRequests, staffAudit } from "../../../db/schema";
import { createCaller } from "../../api/root";
import { solid } from "../../photos/test-images";
import { LocalDiskStorage } from "../../storage";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, customerCaller, failureOf, makeOrder, makeStaff, staffCaller, testContext } from "../../test/fixtures";
import { storeEvidencePhoto } from "../evidence-photos";
import { verifyHistory } from "../history-store";
import { ANONYMISED_NAME } from "./anonymise";

const { db } = await createTestDatabase();
const dir = mkdtempSync(path.join(os.tmpdir(), "erasure-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const storage = new LocalDiskStorage(dir);

async function submit(made: Awaited<ReturnType<typeof makeOrder>>, note: string) {
  const photo = await storeEvidencePhoto(db, storage, made.customer.id, await solid(120, 120).jpeg().toBuffer());
  return customerCaller(db, made.customer).customer.submit({
    orderId: made.order.id,
    type: "refund_only",
    idempotencyKey: randomUUID(),
    lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 1, reasonCode: "size_not_fit", note }],
    photoIds: [photo.id],
  });
}

const admin = async () => {
  const staff = await makeStaff(db, "admin");
  return { staff, caller: createCaller(testContext(db, { staff, storage })) };
};

describe("data subject rights", () => {
  it("gives the customer their data as JSON: contact data, orders, requests with notes, photos, devices", async () => {
    const made = await makeOrder(db, [{ priceFen: 5000, title: "羊毛衫" }]);
    const res = await submit(made, "袖口开线");
    const data = await customerCaller(db, made.customer).customer.myData();
    expect(data.customer).toMatchObject({ name: made.customer.name, phone: made.customer.phone });
    expect(data.orders).toEqual([expect.objectContaining({ orderNo: made.order.orderNo, lines: [expect.objectContaining({ title: "羊毛衫", paidFen: 5000 })] })]);
    expect(data.requests).toEqual([expect.objectContaining({ rmaNo: res.rmaNo, lines: [expect.objectContaining({ note: "袖口开线" })] })]);
    expect(data.photos).toEqual([expect.objectContaining({ rmaNo: res.rmaNo, draft: false })]);
    expect(data.erasureRequests).toEqual([]);
    // Another customer's export holds nothing of this one.
    const other = await makeOrder(db, [{ priceFen: 100 }]);
    expect(JSON.stringify(await customerCaller(db, other.customer).customer.myData())).not.toContain(res.rmaNo);
  });

  it("erases on request what the law lets go: closed requests and the person; open requests and amounts stay until they close", async () => {
    const made = await makeOrder(db, [{ priceFen: 5000 }, { priceFen: 7000 }]);
    const closing = await submit({ ...made, lines: [made.lines[0]!] }, "我家地址是文三路 1 号");
    const open = await submit({ ...made, lines: [made.lines[1]!] }, "还没处理完");
    const customer = customerCaller(db, made.customer);
    const r = await customer.customer.request({ id: closing.id });
    await customer.customer.cancel({ requestId: closing.id, version: r.version, comment: "电话 13900001111" });

    const asked = await customer.customer.requestErasure();
    expect(asked.status).toBe("pending");
    // Asking twice does not queue a second request.
    expect((await customer.customer.requestErasure()).id).toBe(asked.id);
    // Only the store manager fulfils it.
    const cs = await staffCaller(db, "customer_service");
    expect((await failureOf(cs.caller.admin.fulfilErasure({ id: asked.id }))).code).toBe("FORBIDDEN");

    const manager = await admin();
    const list = await manager.caller.admin.erasureRequests();
    expect(list[0]).toMatchObject({ id: asked.id, status: "pending", customerName: made.customer.name, customerPhone: `${made.customer.phone.slice(0, 3)}****${made.customer.phone.slice(-4)}` });

    const outcome = await manager.caller.admin.fulfilErasure({ id: asked.id });
    expect(outcome).toEqual({ anonymisedRequests: 1, keptOpen: [open.rmaNo], customerAnonymised: false });
    const [closed] = await db.select().from(returnRequests).where(eq(returnRequests.id, closing.id));
    expect(closed!.anonymisedAt).not.toBeNull();
    expect(closed!.requestedRefundFen).toBe(5000);
    expect((await verifyHistory(db, closing.id)).ok).toBe(true);
    const [stillOpen] = await db.select().from(returnRequests).where(eq(returnRequests.id, open.id));
    expect(stillOpen!.anonymisedAt).toBeNull();
    // The customer sees what happened.
    const seen = await customer.customer.erasureRequests();
    expect(seen[0]).toMatchObject({ status: "fulfilled", outcome: { anonymisedRequests: 1, keptOpen: [open.rmaNo], customerAnonymised: false } });
    // A second fulfilment is refused; the first is on record.
    expect(appCodeOf(await failureOf(manager.caller.admin.fulfilErasure({ id: asked.id })))).toBe("not_found");
    const audit = await db.select().from(staffAudit).where(eq(staffAudit.actorId, manager.staff.id));
    expect(audit).toEqual([expect.objectContaining({ action: "fulfil_erasure", targetId: null, details: expect.objectContaining({ erasureRequestId: asked.id }) })]);
    // Account changes list stays about accounts.
    expect((await manager.caller.admin.staffAudit()).some((a) => a.action === "fulfil_erasure")).toBe(false);

    // Once nothing is open, a new request erases the person too.
    const r2 = await customer.customer.request({ id: open.id });
    await customer.customer.cancel({ requestId: open.id, version: r2.version });
    const again = await customer.customer.requestErasure();
    expect(await manager.caller.admin.fulfilErasure({ id: again.id })).toEqual({ anonymisedRequests: 1, keptOpen: [], customerAnonymised: true });
    const [person] = await db.select().from(customers).where(eq(customers.id, made.customer.id));
    expect(person).toMatchObject({ name: ANONYMISED_NAME });
    expect(person!.phone).not.toBe(made.customer.phone);
  });
});
