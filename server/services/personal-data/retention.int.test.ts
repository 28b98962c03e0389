import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { customerSessions, customers, evidencePhotos, orders, returnEvents, returnLines, returnRequests } from "../../../db/schema";
import { solid } from "../../photos/test-images";
import { LocalDiskStorage } from "../../storage";
import { createTestDatabase } from "../../test/db";
import { customerCaller, makeOrder, staffCaller } from "../../test/fixtures";
import { storeEvidencePhoto } from "../evidence-photos";
import { verifyHistory } from "../history-store";
import { ANONYMISED_NAME, anonymiseExpired } from "./anonymise";

const { db } = await createTestDatabase();
const dir = mkdtempSync(path.join(os.tmpdir(), "retention-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const storage = new LocalDiskStorage(dir);
const DAY = 86_400_000;
const RETENTION_DAYS = 1095;

/**
 * A closed request full of personal data: a photo, a line note, a shipped parcel's tracking
 * number and a cancel comment with a phone number in it. `closedDaysAgo` moves its closing back.
 */
async function closedRequest(closedDaysAgo: number, phone?: string) {
  const made = await makeOrder(db, [{ priceFen: 9900 }], phone ? { phone } : {});
  const photo = await storeEvidencePhoto(db, storage, made.customer.id, await solid(200, 200).jpeg().toBuffer());
  const customer = customerCaller(db, made.customer);
  const res = await customer.customer.submit({
    orderId: made.order.id,
    type: "return_refund",
    idempotencyKey: randomUUID(),
    lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 1, reasonCode: "size_not_fit", note: "住在西湖区文三路 99 号" }],
    photoIds: [photo.id],
  });
  const cs = await staffCaller(db, "customer_service");
  let r = await customer.customer.request({ id: res.id });
  await cs.caller.staff.approve({ requestId: res.id, version: r.version });
  r = await customer.customer.request({ id: res.id });
  await customer.customer.ship({ requestId: res.id, version: r.version, carrier: "sf", trackingNo: "SF1234567890" });
  r = await customer.customer.request({ id: res.id });
  await customer.customer.cancel({ requestId: res.id, version: r.version, comment: "不退了，有事打我电话 13800001111" });
  await db
    .update(returnRequests)
    .set({ updatedAt: new Date(Date.now() - closedDaysAgo * DAY) })
    .where(eq(returnRequests.id, res.id));
  // The order was placed before the request (and the customer ordered nothing since).
  await db
    .update(orders)
    .set({ createdAt: new Date(Date.now() - (closedDaysAgo + 20) * DAY) })
    .where(eq(orders.id, made.order.id));
  const [stored] = await db.select().from(evidencePhotos).where(eq(evidencePhotos.id, photo.id));
  return { made, requestId: res.id, photo: stored! };
}

/** The database's own message for a refused statement (drizzle wraps it as the cause). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (e) {
    const err = e as Error & { cause?: Error };
    return err.cause?.message ?? err.message;
  }
  return "not refused";
}

const eventsOf = (requestId: string) => db.select().from(returnEvents).where(eq(returnEvents.requestId, requestId)).orderBy(returnEvents.seq);

describe("retention: personal data of closed requests is anonymised", () => {
  it("anonymises a request closed 1096 days ago (its history still verifies) and leaves one closed yesterday alone", async () => {
    const old = await closedRequest(1096);
    const recent = await closedRequest(1);
    const before = await eventsOf(old.requestId);
    expect(before.some((e) => e.comment?.includes("13800001111"))).toBe(true);
    expect(await storage.get(old.photo.storageKey)).not.toBeNull();

    const run = await anonymiseExpired(db, new Date(), { storage, retentionDays: RETENTION_DAYS });
    expect(run.requests).toBeGreaterThanOrEqual(1);

    // The old request: no note, no tracking number, no photo bytes, no comment — amounts and hashes as they were.
    const [req] = await db.select().from(returnRequests).where(eq(returnRequests.id, old.requestId));
    expect(req!.anonymisedAt).not.toBeNull();
    expect(req!.returnTrackingNo).toBeNull();
    expect(req!.requestedRefundFen).toBe(9900);
    const [line] = await db.select().from(returnLines).where(eq(returnLines.requestId, old.requestId));
    expect(line!.note).toBeNull();
    expect(await storage.get(old.photo.storageKey)).toBeNull();
    expect(await storage.get(old.photo.thumbnailKey)).toBeNull();
    const [photo] = await db.select().from(evidencePhotos).where(eq(evidencePhotos.id, old.photo.id));
    expect(photo!.erasedAt).not.toBeNull();
    const after = await eventsOf(old.requestId);
    expect(after.map((e) => e.hash)).toEqual(before.map((e) => e.hash));
    const text = JSON.stringify(after.map(({ comment, changes }) => ({ comment, changes })));
    expect(text).not.toContain("13800001111");
    expect(text).not.toContain("SF1234567890");
    expect(await verifyHistory(db, old.requestId)).toEqual({ ok: true, count: before.length });
    // The customer had nothing else: their name and phone are gone too.
    const [person] = await db.select().from(customers).where(eq(customers.id, old.made.customer.id));
    expect(person).toMatchObject({ name: ANONYMISED_NAME, phone: `anonymised:${old.made.customer.id}` });
    expect(person!.anonymisedAt).not.toBeNull();

    // The recent one: untouched.
    const [kept] = await db.select().from(returnRequests).where(eq(returnRequests.id, recent.requestId));
    expect(kept).toMatchObject({ anonymisedAt: null, returnTrackingNo: "SF1234567890" });
    expect((await eventsOf(recent.requestId)).some((e) => e.comment?.includes("13800001111"))).toBe(true);
    expect(await storage.get(recent.photo.storageKey)).not.toBeNull();
    const [recentPerson] = await db.select().from(customers).where(eq(customers.id, recent.made.customer.id));
    expect(recentPerson!.name).toBe(recent.made.customer.name);

    // Running again changes nothing more.
    const again = await anonymiseExpired(db, new Date(), { storage, retentionDays: RETENTION_DAYS });
    expect(again.requests).toBe(0);
    expect(await verifyHistory(db, old.requestId)).toEqual({ ok: true, count: before.length });
  });

  it("keeps a customer shared with a request still inside retention, anonymising only the expired request", async () => {
    const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const old = await closedRequest(1200, phone);
    const recent = await closedRequest(10, phone);
    expect(recent.made.customer.id).toBe(old.made.customer.id);
    await db.insert(customerSessions).values({ tokenHash: randomUUID(), customerId: old.made.customer.id, expiresAt: new Date(Date.now() + DAY) });

    await anonymiseExpired(db, new Date(), { storage, retentionDays: RETENTION_DAYS });
    const [oldReq] = await db.select().from(returnRequests).where(eq(returnRequests.id, old.requestId));
    const [recentReq] = await db.select().from(returnRequests).where(eq(returnRequests.id, recent.requestId));
    expect(oldReq!.anonymisedAt).not.toBeNull();
    expect(recentReq!.anonymisedAt).toBeNull();
    const [person] = await db.select().from(customers).where(eq(customers.id, old.made.customer.id));
    expect(person).toMatchObject({ phone, anonymisedAt: null });

    // Once the recent one expires too, the customer goes, sessions and all.
    await anonymiseExpired(db, new Date(Date.now() + 1100 * DAY), { storage, retentionDays: RETENTION_DAYS });
    const [gone] = await db.select().from(customers).where(eq(customers.id, old.made.customer.id));
    expect(gone!.anonymisedAt).not.toBeNull();
    expect(await db.select().from(customerSessions).where(eq(customerSessions.customerId, old.made.customer.id))).toEqual([]);
    expect((await verifyHistory(db, recent.requestId)).ok).toBe(true);
  });

  it("lets the database refuse any other change to the history, also of an erased event", async () => {
    const old = await closedRequest(1096);
    await anonymiseExpired(db, new Date(), { storage, retentionDays: RETENTION_DAYS });
    const [erased] = (await eventsOf(old.requestId)).filter((e) => e.redactedAt);
    expect(erased).toBeDefined();
    expect(await refusal(db.execute(sql`UPDATE return_events SET to_status = 'completed' WHERE id = ${erased!.id}`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`UPDATE return_events SET sealed = '{}'::jsonb WHERE id = ${erased!.id}`))).toMatch(/append-only/);
    const [intact] = await db
      .select()
      .from(returnEvents)
      .where(sql`${returnEvents.requestId} = ${old.requestId} AND ${returnEvents.redactedAt} IS NULL`)
      .limit(1);
    // "Erasing" with a changed amount in the same statement is refused as a whole.
    expect(await refusal(db.execute(sql`UPDATE return_events SET comment = NULL, redacted_at = now(), sealed = '{}'::jsonb, role = 'admin' WHERE id = ${intact!.id}`))).toMatch(/append-only/);
  });

  it("keeps the staff's record of revealed phone numbers append-only", async () => {
    const old = await closedRequest(5);
    const cs = await staffCaller(db, "customer_service");
    await cs.caller.staff.revealContact({ requestId: old.requestId, field: "phone" });
    expect(await refusal(db.execute(sql`DELETE FROM contact_reveals WHERE request_id = ${old.requestId}`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`UPDATE contact_reveals SET staff_role = 'admin' WHERE request_id = ${old.requestId}`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`TRUNCATE contact_reveals CASCADE`))).toMatch(/append-only/);
  });
});
