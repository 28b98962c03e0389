/**
 * Claim, release, assign: who holds a request, recorded in the history; two claims at once
 * leave one winner; a decision by someone other than the holder is refused (store manager exempt).
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { returnRequests, staffUsers } from "../../../db/schema";
import { createTestDatabase } from "../../test/db";
import { appCodeOf, failureOf, makeOrder, staffCaller, submitFor, unverifiableHistories } from "../../test/fixtures";
import { loadHistory } from "../../services/history-store";

const { db } = await createTestDatabase();

async function pending(priceFen = 50_00) {
  const made = await makeOrder(db, [{ priceFen }]);
  const { res, read, customer } = await submitFor(db, made, "refund_only");
  return { id: res.id, read, customer };
}

const row = async (id: string) => (await db.select().from(returnRequests).where(eq(returnRequests.id, id)))[0]!;

describe("claim and release", () => {
  it("a claim names the holder, keeps status and version, and is an event in the verified history", async () => {
    const { caller: cs, staff } = await staffCaller(db, "customer_service");
    const { id } = await pending();
    const before = await row(id);
    const res = await cs.staff.claim({ requestId: id });
    expect(res).toEqual({ id, holderId: staff.id, changed: true });
    const after = await row(id);
    expect(after.holderId).toBe(staff.id);
    expect(after.heldAt).toBeInstanceOf(Date);
    expect(after.status).toBe(before.status);
    expect(after.version).toBe(before.version);
    const events = await loadHistory(db, id);
    expect(events.at(-1)).toMatchObject({ action: "claim", actorId: staff.id, fromStatus: "pending_cs_review", toStatus: "pending_cs_review" });
    // Claiming again is a no-op (a double click), not a second event.
    expect((await cs.staff.claim({ requestId: id })).changed).toBe(false);
    expect(await loadHistory(db, id)).toHaveLength(events.length);

    await cs.staff.release({ requestId: id });
    expect((await row(id)).holderId).toBeNull();
    expect((await loadHistory(db, id)).at(-1)?.action).toBe("release");
    expect(await unverifiableHistories(db)).toEqual([]);
  });

  it("the customer's timeline does not show who on the staff holds it", async () => {
    const { caller: cs } = await staffCaller(db, "customer_service");
    const { id, read } = await pending();
    await cs.staff.claim({ requestId: id });
    const view = await read();
    expect(view.timeline.map((e) => e.action)).toEqual(["submit"]);
  });

  it("two claims at the same moment: exactly one wins, the other is told it is held", async () => {
    const { id } = await pending();
    const a = await staffCaller(db, "customer_service");
    const b = await staffCaller(db, "customer_service");
    const settled = await Promise.allSettled([a.caller.staff.claim({ requestId: id }), b.caller.staff.claim({ requestId: id })]);
    const won = settled.filter((s) => s.status === "fulfilled");
    const lost = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(appCodeOf(lost[0]!.reason)).toBe("held_by_other");
    expect((await row(id)).holderId).toBe(won[0]!.status === "fulfilled" ? (won[0]!.value as { holderId: string }).holderId : null);
    expect((await loadHistory(db, id)).filter((e) => e.action === "claim")).toHaveLength(1);
  });

  it("only requests of one's own queue can be claimed; only the holder or the store manager releases", async () => {
    const { id } = await pending();
    const { caller: warehouse } = await staffCaller(db, "warehouse");
    expect(appCodeOf(await failureOf(warehouse.staff.claim({ requestId: id })))).toBe("not_in_queue");
    const { caller: cs } = await staffCaller(db, "customer_service");
    const { caller: other } = await staffCaller(db, "customer_service");
    await cs.staff.claim({ requestId: id });
    const refused = await failureOf(other.staff.release({ requestId: id }));
    expect(appCodeOf(refused)).toBe("not_holder");
    expect(refused.code).toBe("FORBIDDEN");
    const { caller: admin } = await staffCaller(db, "admin");
    await admin.staff.release({ requestId: id });
    expect((await row(id)).holderId).toBeNull();
  });
});

describe("decisions while held", () => {
  it("another customer service user cannot decide it; the holder can, and the hold ends with the status", async () => {
    const { id } = await pending();
    const holder = await staffCaller(db, "customer_service");
    const other = await staffCaller(db, "customer_service", { locale: "en" });
    await holder.caller.staff.claim({ requestId: id });
    const { version } = await row(id);
    const refused = await failureOf(other.caller.staff.approve({ requestId: id, version }));
    expect(appCodeOf(refused)).toBe("held_by_other");
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/colleague has claimed/);
    expect((await row(id)).status).toBe("pending_cs_review");

    const res = await holder.caller.staff.approve({ requestId: id, version });
    expect(res.status).toBe("pending_refund");
    const after = await row(id);
    expect(after.holderId).toBeNull();
    expect(after.heldAt).toBeNull();
    expect((await loadHistory(db, id)).at(-1)).toMatchObject({ action: "approve", changes: { holderId: null } });
    expect(await unverifiableHistories(db)).toEqual([]);
  });

  it("the request screen does not offer actions to a non-holder", async () => {
    const { id } = await pending();
    const holder = await staffCaller(db, "customer_service");
    const other = await staffCaller(db, "customer_service");
    await holder.caller.staff.claim({ requestId: id });
    expect((await other.caller.staff.request({ id })).allowedActions).toEqual([]);
    expect((await holder.caller.staff.request({ id })).allowedActions).toContain("approve");
  });

  it("the customer is not held up by a staff claim", async () => {
    const { id, customer } = await pending();
    const holder = await staffCaller(db, "customer_service");
    await holder.caller.staff.claim({ requestId: id });
    await customer.customer.cancel({ requestId: id, version: (await row(id)).version });
    expect((await row(id)).holderId).toBeNull();
  });
});

describe("assign", () => {
  it("the store manager assigns and reassigns to staff whose role works on the request", async () => {
    const { id } = await pending();
    const { caller: admin } = await staffCaller(db, "admin");
    const a = await staffCaller(db, "customer_service");
    const b = await staffCaller(db, "customer_service");
    await admin.staff.assign({ requestId: id, staffId: a.staff.id });
    expect((await row(id)).holderId).toBe(a.staff.id);
    await admin.staff.assign({ requestId: id, staffId: b.staff.id });
    expect((await row(id)).holderId).toBe(b.staff.id);
    const last = (await loadHistory(db, id)).at(-1)!;
    expect(last).toMatchObject({ action: "assign", changes: { holderId: b.staff.id, previousHolderId: a.staff.id } });
    // a no longer holds it.
    expect(appCodeOf(await failureOf(a.caller.staff.approve({ requestId: id, version: (await row(id)).version })))).toBe("held_by_other");
  });

  it("refuses a staff member whose role cannot act on it, a disabled one, and an unknown id", async () => {
    const { id } = await pending();
    const { caller: admin } = await staffCaller(db, "admin");
    const w = await staffCaller(db, "warehouse");
    expect(appCodeOf(await failureOf(admin.staff.assign({ requestId: id, staffId: w.staff.id })))).toBe("assignee_cannot_act");
    const c = await staffCaller(db, "customer_service");
    await db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, c.staff.id));
    expect(appCodeOf(await failureOf(admin.staff.assign({ requestId: id, staffId: c.staff.id })))).toBe("assignee_cannot_act");
    expect(appCodeOf(await failureOf(admin.staff.assign({ requestId: id, staffId: "00000000-0000-4000-8000-000000000000" })))).toBe("not_found");
    expect((await row(id)).holderId).toBeNull();
  });
});
