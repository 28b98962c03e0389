import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { parcelPhotos, receiptParcels, returnRequests } from "../../../../db/schema";
import { noisyJpeg } from "../../../photos/test-images";
import { LocalDiskStorage } from "../../../storage";
import { createTestDatabase } from "../../../test/db";
import { appCodeOf, failureOf, makeOrder, rowCounts, staffCaller, submitFor } from "../../../test/fixtures";
import { storeParcelPhoto } from "../parcel-photos";
import { UNMATCHED_PAGE_SIZE } from "../unmatched";
import { awaitingGoods, eventsOf, newTrackingNo, unmatchedRows } from "./helpers";

const { db } = await createTestDatabase();
const wh = await staffCaller(db, "warehouse");
const admin = await staffCaller(db, "admin");
const dir = mkdtempSync(path.join(os.tmpdir(), "parcel-photos-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const storage = new LocalDiskStorage(dir);

async function lookupRequest(code: string, caller = wh.caller) {
  const out = await caller.warehouse.lookup({ code });
  if (out.kind !== "request") throw new Error(`expected a request, got ${out.kind}`);
  return out.request;
}

describe("the scan lookup", () => {
  it("finds a request by its RMA number (any case) and by the customer's tracking number, with lines, photos and contact masked", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 30_00, quantity: 2, title: "羊毛围巾" }], { phone: "13912345678" });
    const byRma = await lookupRequest(req.rmaNo);
    expect(byRma).toMatchObject({
      id: req.requestId,
      rmaNo: req.rmaNo,
      type: "return_refund",
      status: "in_transit",
      awaitingGoods: true,
      notAwaiting: null,
      customerPhoneMasked: "139****5678",
      returnCarrier: "sf",
      returnTrackingNo: req.trackingNo,
      parcels: [],
      linkedUnmatched: [],
    });
    expect(byRma.customerName).toBeTruthy();
    expect(byRma.lines).toEqual([
      expect.objectContaining({ returnLineId: req.lines[0]!.id, title: "羊毛围巾", expectedQuantity: 2, receivedSoFar: 0, imageless: true, attributes: { 尺码: "M" }, exchangeSku: null }),
    ]);
    expect(await lookupRequest(`  ${req.rmaNo.toLowerCase()} `)).toMatchObject({ id: req.requestId });
    expect(await lookupRequest(req.trackingNo)).toMatchObject({ id: req.requestId });
    expect(await lookupRequest(req.trackingNo, admin.caller)).toMatchObject({ id: req.requestId });
  });

  it("a code nothing knows is `none`", async () => {
    expect(await wh.caller.warehouse.lookup({ code: "ZZ0000000000" })).toEqual({ kind: "none", code: "ZZ0000000000" });
    expect(await wh.caller.warehouse.lookup({ code: "RMA20990101ABCDEFGH" })).toEqual({ kind: "none", code: "RMA20990101ABCDEFGH" });
  });

  it("says plainly why a request waits for no goods, and changes nothing", async () => {
    // Cancelled before review.
    const cancelledOrder = await makeOrder(db, [{ priceFen: 30_00 }]);
    const cancelled = await submitFor(db, cancelledOrder, "return_refund");
    await cancelled.customer.customer.cancel({ requestId: cancelled.res.id, version: (await cancelled.read()).version });
    // Refund only, under review.
    const refundOnly = await submitFor(db, await makeOrder(db, [{ priceFen: 30_00 }]), "refund_only");
    // Return & refund still under review.
    const underReview = await submitFor(db, await makeOrder(db, [{ priceFen: 30_00 }]), "return_refund");
    // Already received (full match).
    const received = await awaitingGoods(db, [{ priceFen: 30_00 }]);
    await wh.caller.warehouse.recordParcel({
      requestId: received.requestId,
      version: received.version,
      lines: [{ returnLineId: received.lines[0]!.id, quantity: 1, condition: "as_new", disposition: "restock" }],
      close: true,
    });

    const before = await rowCounts(db);
    const versions = await db.select({ id: returnRequests.id, version: returnRequests.version }).from(returnRequests);
    const cases = [
      [cancelled.res.rmaNo, "cancelled"],
      [refundOnly.res.rmaNo, "refund_only"],
      [underReview.res.rmaNo, "not_approved_yet"],
      [received.rmaNo, "already_received"],
    ] as const;
    for (const [rma, why] of cases) {
      const r = await lookupRequest(rma);
      expect(r, rma).toMatchObject({ rmaNo: rma, awaitingGoods: false, notAwaiting: why });
    }
    // The warehouse may not read a request that never comes near it: number, status and why, nothing else.
    const hidden = await lookupRequest(refundOnly.res.rmaNo);
    expect(hidden).toMatchObject({ lines: [], customerPhotos: [], parcels: [], customerName: null, customerPhoneMasked: null });
    expect(await rowCounts(db)).toEqual(before);
    expect(await db.select({ id: returnRequests.id, version: returnRequests.version }).from(returnRequests)).toEqual(versions);
    expect(await db.select().from(receiptParcels).where(eq(receiptParcels.requestId, cancelled.res.id))).toEqual([]);
  });
});

describe("unmatched parcels", () => {
  it("are recorded with their photos, listed, found by a scan, linked once to a request (which then takes the parcel's number)", async () => {
    const trackingNo = newTrackingNo("JT");
    const photo = await storeParcelPhoto(db, storage, wh.staff.id, await noisyJpeg(640, 480));
    const recorded = await wh.caller.warehouse.recordUnmatched({ trackingNo, carrier: "jt", note: "面单破损，无退货单号", photoIds: [photo.id] });
    expect(recorded).toMatchObject({ trackingNo, carrier: "jt", note: "面单破损，无退货单号", linked: null, recordedByName: wh.staff.name });
    expect(recorded.photos).toEqual([{ id: photo.id, url: `/api/staff/parcel-photos/${photo.id}`, thumbnailUrl: `/api/staff/parcel-photos/${photo.id}?thumb=1` }]);

    // The same tracking number again: the first record stands.
    const again = await failureOf(wh.caller.warehouse.recordUnmatched({ trackingNo }));
    expect(again.code).toBe("CONFLICT");
    expect(appCodeOf(again)).toBe("unmatched_already_recorded");

    expect((await wh.caller.warehouse.unmatchedList({ status: "open" })).items.map((u) => u.id)).toContain(recorded.id);
    expect((await admin.caller.warehouse.unmatchedList({ status: "open" })).items.map((u) => u.id)).toContain(recorded.id);
    expect(await wh.caller.warehouse.lookup({ code: trackingNo })).toMatchObject({ kind: "unmatched", parcel: { id: recorded.id } });

    // Whose it is turns out later: a request approved but never shipped by its customer.
    const req = await awaitingGoods(db, [{ priceFen: 30_00 }], { ship: false });
    const linked = await wh.caller.warehouse.linkUnmatched({ parcelId: recorded.id, rmaNo: req.rmaNo.toLowerCase() });
    expect(linked).toEqual({ parcelId: recorded.id, requestId: req.requestId, rmaNo: req.rmaNo, version: req.version + 1 });
    const event = (await eventsOf(db, req.requestId)).at(-1)!;
    expect(event).toMatchObject({ action: "link_parcel", fromStatus: "awaiting_shipment", toStatus: "in_transit", actorId: wh.staff.id });
    expect(event.changes).toMatchObject({ unmatchedParcelId: recorded.id, returnTrackingNo: trackingNo, returnCarrier: "jt", photos: 1 });
    const [row] = await db.select().from(returnRequests).where(eq(returnRequests.id, req.requestId));
    expect(row).toMatchObject({ returnTrackingNo: trackingNo, returnCarrier: "jt", goodsReceived: true });

    // The parcel's scan now opens the request, with the unmatched parcel's photos on it.
    const found = await lookupRequest(trackingNo);
    expect(found).toMatchObject({ id: req.requestId, awaitingGoods: true });
    expect(found.linkedUnmatched).toEqual([expect.objectContaining({ id: recorded.id, photos: recorded.photos, linked: expect.objectContaining({ rmaNo: req.rmaNo }) })]);

    expect((await wh.caller.warehouse.unmatchedList({ status: "open" })).items.map((u) => u.id)).not.toContain(recorded.id);
    expect((await wh.caller.warehouse.unmatchedList({ status: "linked" })).items.map((u) => u.id)).toContain(recorded.id);

    const twice = await failureOf(wh.caller.warehouse.linkUnmatched({ parcelId: recorded.id, rmaNo: req.rmaNo }));
    expect(appCodeOf(twice)).toBe("unmatched_already_linked");
    expect(twice.message).toBe(`该无主包裹已关联到申请 ${req.rmaNo}`);
  });

  it("links only to a request waiting for goods; an unknown RMA is not found; nothing changes", async () => {
    const recorded = await wh.caller.warehouse.recordUnmatched({ trackingNo: newTrackingNo("ZT") });
    const refundOnly = await submitFor(db, await makeOrder(db, [{ priceFen: 30_00 }]), "refund_only");
    const e = await failureOf(wh.caller.warehouse.linkUnmatched({ parcelId: recorded.id, rmaNo: refundOnly.res.rmaNo }));
    expect(appCodeOf(e)).toBe("not_awaiting_goods");
    expect(appCodeOf(await failureOf(wh.caller.warehouse.linkUnmatched({ parcelId: recorded.id, rmaNo: "RMA20990101ABCDEFGH" })))).toBe("not_found");
    const [row] = (await unmatchedRows(db)).filter((u) => u.id === recorded.id);
    expect(row).toMatchObject({ linkedRequestId: null, linkedBy: null, linkedAt: null });
  });

  it("photos are the clerk's own and unattached, or the record is refused whole", async () => {
    const other = await staffCaller(db, "warehouse");
    const theirs = await storeParcelPhoto(db, storage, other.staff.id, await noisyJpeg(320, 240));
    const trackingNo = newTrackingNo("YD");
    const e = await failureOf(wh.caller.warehouse.recordUnmatched({ trackingNo, photoIds: [theirs.id] }));
    expect(appCodeOf(e)).toBe("parcel_photo_unavailable");
    expect((await unmatchedRows(db)).filter((u) => u.trackingNo === trackingNo)).toEqual([]);
    const [photo] = await db.select().from(parcelPhotos).where(eq(parcelPhotos.id, theirs.id));
    expect(photo).toMatchObject({ parcelId: null, unmatchedParcelId: null });
  });

  it("the list pages newest first without losing or repeating a row", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < UNMATCHED_PAGE_SIZE + 3; i++) ids.add((await wh.caller.warehouse.recordUnmatched({ trackingNo: newTrackingNo("PG") })).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await wh.caller.warehouse.unmatchedList({ status: "open", cursor });
      seen.push(...page.items.map((u) => u.id));
      const times = page.items.map((u) => u.recordedAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);
    expect(appCodeOf(await failureOf(wh.caller.warehouse.unmatchedList({ status: "open", cursor: "bm9wZQ" })))).toBe("cursor_invalid");
  });
});
