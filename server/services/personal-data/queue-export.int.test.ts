import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contactReveals, customers, staffAudit } from "../../../db/schema";
import type { Context } from "../../api/context";
import { queueExport } from "../../api/queue-export";
import type { StaffRole } from "../../domain/vocabulary";
import type { QueueFilters } from "../../schemas/queue";
import { createTestDatabase } from "../../test/db";
import { makeOrder, makeStaff, submitFor, testContext } from "../../test/fixtures";

const { db } = await createTestDatabase();
const HOST = "shop.test";

const exportAs = (ctx: Context, filters: QueueFilters, query = "", headers: Record<string, string> = {}) =>
  queueExport(new Request(`http://${HOST}/api/staff/queue-export${query}`, { headers: { host: HOST, ...headers } }), ctx, filters);

async function staffCtx(role: StaffRole) {
  const staff = await makeStaff(db, role);
  return { staff, ctx: testContext(db, { staff }) };
}

describe("queue export (CSV)", () => {
  it("exports the filtered queue with phones masked; full phones only for a role that may reveal them, each one recorded", async () => {
    const made = await makeOrder(db, [{ priceFen: 12_300 }]);
    // A name that would run as a spreadsheet formula.
    await db.update(customers).set({ name: "=HYPERLINK(\"http://evil\")" }).where(eq(customers.id, made.customer.id));
    const { res } = await submitFor(db, made, "refund_only");
    const other = await submitFor(db, await makeOrder(db, [{ priceFen: 100 }]), "refund_only");
    const phone = made.customer.phone;
    const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;

    const cs = await staffCtx("customer_service");
    const plain = await exportAs(cs.ctx, { q: res.rmaNo });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(plain.headers.get("content-disposition")).toMatch(/^attachment; filename="returns-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await plain.text();
    const rows = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("退货单号");
    expect(rows[1]).toContain(`"${res.rmaNo}"`);
    expect(rows[1]).toContain(`"${masked}"`);
    expect(rows[1]).toContain("\"123.00\"");
    expect(rows[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).not.toContain(phone);
    expect(text).not.toContain(other.res.rmaNo);
    expect(await db.select().from(contactReveals).where(eq(contactReveals.staffId, cs.staff.id))).toEqual([]);

    const full = await (await exportAs(cs.ctx, { q: res.rmaNo }, "?phones=full")).text();
    expect(full).toContain(`"${phone}"`);
    expect(await db.select().from(contactReveals).where(eq(contactReveals.staffId, cs.staff.id))).toEqual([expect.objectContaining({ requestId: res.id, field: "phone", staffRole: "customer_service" })]);

    // Finance's work needs no phone numbers: asking for them still gets masked ones, and no reveal.
    const fin = await staffCtx("finance");
    const finText = await (await exportAs(fin.ctx, { q: res.rmaNo }, "?phones=full")).text();
    expect(finText).not.toContain(phone);
    expect(await db.select().from(contactReveals).where(eq(contactReveals.staffId, fin.staff.id))).toEqual([]);

    // Every export is on record, with its filters and whether phones were shown.
    const audit = await db.select().from(staffAudit).where(eq(staffAudit.actorId, cs.staff.id));
    expect(audit.map((a) => [a.action, a.details.fullPhones, a.details.rows])).toEqual(expect.arrayContaining([["export_queue", false, 1], ["export_queue", true, 1]]));
  });

  it("refuses the signed-out and other sites", async () => {
    expect((await exportAs(testContext(db), {})).status).toBe(401);
    const cs = await staffCtx("customer_service");
    expect((await exportAs(cs.ctx, {}, "", { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(await db.select().from(staffAudit).where(eq(staffAudit.actorId, cs.staff.id))).toEqual([]);
  });
});
