/**
 * The staff request view through the tRPC caller on the real database: each role gets exactly
 * the sections of the read matrix, the warehouse only opens requests with goods, full contact
 * data only through a recorded reveal, and a customer's draft photo never shows.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contactReveals, evidencePhotos } from "../../../db/schema";
import { READ_ACCESS } from "../../domain/read-access";
import { STAFF_ROLES, type StaffRole } from "../../domain/vocabulary";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, failureOf, makeOrder, staffCaller, submitFor, type Made } from "../../test/fixtures";

const { db } = await createTestDatabase();

type Callers = Record<StaffRole, Awaited<ReturnType<typeof staffCaller>>>;
const callers = Object.fromEntries(await Promise.all(STAFF_ROLES.map(async (r) => [r, await staffCaller(db, r)] as const))) as Callers;

/** A metadata row is enough: the view lists photos, it never reads their bytes. */
async function photoRow(made: Made, requestId: string | null) {
  const key = randomUUID();
  const [row] = await db
    .insert(evidencePhotos)
    .values({ customerId: made.customer.id, requestId, storageKey: `k/${key}`, thumbnailKey: `t/${key}`, contentType: "image/jpeg", bytes: 1000, width: 40, height: 30, sha256: key })
    .returning({ id: evidencePhotos.id });
  return row!.id;
}

/** A small return & refund approved by customer service: the warehouse waits for the parcel. */
async function awaitingShipment() {
  const made = await makeOrder(db, [{ priceFen: 60_00, quantity: 2, title: "羊毛围巾" }]);
  const s = await submitFor(db, made, "return_refund");
  const attached = await photoRow(made, s.res.id);
  const draft = await photoRow(made, null);
  await callers.customer_service.caller.staff.approve({ requestId: s.res.id, version: (await s.read()).version, comment: "照片清楚" });
  return { ...s, made, attached, draft };
}

const SECTION_KEYS = ["customer", "order", "payment", "paymentDetails", "lines", "photos", "history"] as const;
const present = (view: Record<(typeof SECTION_KEYS)[number], unknown>) => SECTION_KEYS.filter((k) => view[k] !== null);

describe("read matrix", () => {
  it("each role gets exactly its sections", async () => {
    const { res } = await awaitingShipment();
    const expected: Record<StaffRole, string[]> = {
      customer_service: ["customer", "order", "payment", "lines", "photos", "history"],
      operations_manager: ["customer", "order", "payment", "lines", "photos", "history"],
      warehouse: ["customer", "lines", "photos"],
      finance: ["customer", "order", "payment", "paymentDetails", "lines"],
      admin: ["customer", "order", "payment", "paymentDetails", "lines", "photos", "history"],
    };
    for (const role of STAFF_ROLES) {
      const view = await callers[role].caller.staff.request({ id: res.id });
      expect(present(view), role).toEqual(expected[role]);
      expect(view.sections, role).toEqual(READ_ACCESS[role].sections);
    }
  });

  it("the warehouse sees what arrives, not money: no amounts on the request or its lines", async () => {
    const { res } = await awaitingShipment();
    const wh = await callers.warehouse.caller.staff.request({ id: res.id });
    expect(wh.request.requestedRefundFen).toBeNull();
    expect(wh.lines).toEqual([expect.objectContaining({ title: "羊毛围巾", quantity: 2, reasonCode: "size_not_fit", paidFen: null, refundFen: null })]);
    const fin = await callers.finance.caller.staff.request({ id: res.id });
    expect(fin.request.requestedRefundFen).toBe(120_00);
    expect(fin.lines![0]).toMatchObject({ paidFen: 120_00, refundFen: 120_00 });
    expect(fin.order!.lines).toEqual([expect.objectContaining({ title: "羊毛围巾", quantity: 2, unitPriceFen: 60_00, paidFen: 120_00 })]);
    expect(fin.paymentDetails).toMatchObject({ method: "alipay", refund: null });
    expect(fin.paymentDetails!.gatewayTxnId).toMatch(/^2026/);
  });

  it("the warehouse cannot open a request still under review, nor a refund-only one", async () => {
    const underReview = await submitFor(db, await makeOrder(db, [{ priceFen: 30_00 }]), "return_refund");
    const refundOnly = await submitFor(db, await makeOrder(db, [{ priceFen: 30_00 }]), "refund_only");
    await callers.customer_service.caller.staff.approve({ requestId: refundOnly.res.id, version: 1 });
    expect((await refundOnly.read()).status).toBe("pending_refund");
    for (const id of [underReview.res.id, refundOnly.res.id]) {
      const e = await failureOf(callers.warehouse.caller.staff.request({ id }));
      expect(e.code).toBe("NOT_FOUND");
      expect(appCodeOf(e)).toBe("not_found");
      // Everyone else opens it.
      await expect(callers.finance.caller.staff.request({ id })).resolves.toBeTruthy();
    }
  });

  it("lists the attached photo, never the customer's draft", async () => {
    const { res, attached, draft } = await awaitingShipment();
    for (const role of ["customer_service", "warehouse", "admin"] as const) {
      const view = await callers[role].caller.staff.request({ id: res.id });
      expect(view.photos!.map((p) => p.id)).toEqual([attached]);
      expect(JSON.stringify(view)).not.toContain(draft);
    }
  });
});

describe("route, timeline, deadline", () => {
  it("each stage says its state and who acted; the timeline names staff, not customers", async () => {
    const { res } = await awaitingShipment();
    const view = await callers.customer_service.caller.staff.request({ id: res.id });
    expect(view.stages.map((s) => [s.stage, s.state])).toEqual([
      ["cs_review", "done"],
      ["customer_shipment", "current"],
      ["warehouse_inspection", "upcoming"],
      ["refund", "upcoming"],
    ]);
    expect(view.stages[0]!.actors).toEqual([expect.objectContaining({ name: callers.customer_service.staff.name, role: "customer_service", action: "approve" })]);
    expect(view.timeline.map((e) => [e.action, e.actorType, e.actorName, e.comment])).toEqual([
      ["submit", "customer", null, null],
      ["approve", "staff", callers.customer_service.staff.name, "照片清楚"],
    ]);
    expect(view.deadline).toMatchObject({ stage: "customer_shipment" });
    expect(view.deadline!.at.getTime()).toBeGreaterThan(Date.now());
    // Customer service has nothing to do while the customer ships.
    expect(view.allowedActions).toEqual([]);
    // The parcel steps are the scan station's (warehouse router); the request screen offers only its one-step receipt.
    expect((await callers.warehouse.caller.staff.request({ id: res.id })).allowedActions).toEqual(["receive", "record_parcel", "link_parcel"]);
  });

  it("a four-eyes refund shows the second signer who gave the first signature", async () => {
    const fin1 = await staffCaller(db, "finance");
    const fin2 = await staffCaller(db, "finance");
    const s = await submitFor(db, await makeOrder(db, [{ priceFen: 2500_00 }]), "refund_only");
    await callers.customer_service.caller.staff.approve({ requestId: s.res.id, version: (await s.read()).version });
    await callers.operations_manager.caller.staff.approve({ requestId: s.res.id, version: (await s.read()).version });
    await fin1.caller.staff.approveRefund({ requestId: s.res.id, version: (await s.read()).version });
    const mine = await fin1.caller.staff.request({ id: s.res.id });
    expect(mine.allowedActions).toEqual([]);
    const theirs = await fin2.caller.staff.request({ id: s.res.id });
    expect(theirs.request.refundApprovedBy).toBe(fin1.staff.name);
    expect(theirs.allowedActions).toEqual(["refund"]);
    expect(theirs.stages.find((st) => st.stage === "refund_approval")).toMatchObject({ state: "done", actors: [expect.objectContaining({ name: fin1.staff.name })] });
  });
});

describe("contact reveal", () => {
  const reveals = (requestId: string) => db.select().from(contactReveals).where(eq(contactReveals.requestId, requestId));

  it("shows a masked phone, and the full one only through a reveal that is recorded", async () => {
    const { res, made } = await awaitingShipment();
    const view = await callers.customer_service.caller.staff.request({ id: res.id });
    expect(view.customer!.phone).toBe(`${made.customer.phone.slice(0, 3)}****${made.customer.phone.slice(-4)}`);
    expect(JSON.stringify(view)).not.toContain(made.customer.phone);
    expect(view.revealable).toEqual(["phone"]);
    expect(await reveals(res.id)).toEqual([]);

    const shown = await callers.customer_service.caller.staff.revealContact({ requestId: res.id, field: "phone" });
    expect(shown).toEqual({ field: "phone", value: made.customer.phone });
    const rows = await reveals(res.id);
    expect(rows).toEqual([expect.objectContaining({ staffId: callers.customer_service.staff.id, staffRole: "customer_service", requestId: res.id, field: "phone" })]);
    expect(Date.now() - rows[0]!.createdAt.getTime()).toBeLessThan(60_000);
  });

  it("is refused to a role whose work does not need it, and outside the role's requests, without a record", async () => {
    const { res } = await awaitingShipment();
    const fin = await failureOf(callers.finance.caller.staff.revealContact({ requestId: res.id, field: "phone" }));
    expect(fin.code).toBe("FORBIDDEN");
    expect((await callers.finance.caller.staff.request({ id: res.id })).revealable).toEqual([]);

    const underReview = await submitFor(db, await makeOrder(db, [{ priceFen: 30_00 }]), "return_refund");
    const wh = await failureOf(callers.warehouse.caller.staff.revealContact({ requestId: underReview.res.id, field: "phone" }));
    expect(wh.code).toBe("NOT_FOUND");
    const missing = await failureOf(callers.admin.caller.staff.revealContact({ requestId: randomUUID(), field: "phone" }));
    expect(missing.code).toBe("NOT_FOUND");
    expect(await reveals(res.id)).toEqual([]);
    expect(await reveals(underReview.res.id)).toEqual([]);
  });

  it("refuses a field that does not exist", async () => {
    const { res } = await awaitingShipment();
    // @ts-expect-error: the input schema only knows REVEAL_FIELDS
    const e = await failureOf(callers.admin.caller.staff.revealContact({ requestId: res.id, field: "id_card" }));
    expect(e.code).toBe("BAD_REQUEST");
  });
});
