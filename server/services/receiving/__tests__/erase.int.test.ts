import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { parcelPhotos, receiptParcels, returnRequests, unmatchedParcels } from "../../../../db/schema";
import { noisyJpeg } from "../../../photos/test-images";
import { anonymiseRequests } from "../../personal-data/anonymise";
import { LocalDiskStorage } from "../../../storage";
import { createTestDatabase } from "../../../test/db";
import { staffCaller } from "../../../test/fixtures";
import { storeParcelPhoto } from "../parcel-photos";
import { awaitingGoods, newTrackingNo, parcelsIn } from "./helpers";

const { db } = await createTestDatabase();
const wh = await staffCaller(db, "warehouse");
const dir = mkdtempSync(path.join(os.tmpdir(), "parcel-erase-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const storage = new LocalDiskStorage(dir);

describe("erasing a closed request's person", () => {
  it("takes the parcels' tracking numbers, notes and photos (they may show the label), keeps what arrived", async () => {
    const req = await awaitingGoods(db, [{ priceFen: 30_00, quantity: 2 }], { ship: false });
    const unmatchedPhoto = await storeParcelPhoto(db, storage, wh.staff.id, await noisyJpeg(320, 240));
    const unmatched = await wh.caller.warehouse.recordUnmatched({ trackingNo: newTrackingNo("ER"), note: "收件人 张三 13800001111", photoIds: [unmatchedPhoto.id] });
    const linked = await wh.caller.warehouse.linkUnmatched({ parcelId: unmatched.id, rmaNo: req.rmaNo });
    const photo = await storeParcelPhoto(db, storage, wh.staff.id, await noisyJpeg(320, 240));
    await wh.caller.warehouse.recordParcel({
      requestId: req.requestId,
      version: linked.version,
      trackingNo: "SF9876543210",
      note: "面单：张三 13800001111",
      photoIds: [photo.id],
      lines: [{ returnLineId: req.lines[0]!.id, quantity: 2, condition: "as_new", disposition: "restock", note: "张三说是礼物" }],
      close: true,
    });
    const keys = await db.select({ storageKey: parcelPhotos.storageKey, thumbnailKey: parcelPhotos.thumbnailKey }).from(parcelPhotos).where(inArray(parcelPhotos.id, [photo.id, unmatchedPhoto.id]));
    expect(keys).toHaveLength(2);
    // The refund itself is another story (lifecycle tests): here the request is simply done.
    await db.update(returnRequests).set({ status: "completed" }).where(eq(returnRequests.id, req.requestId));

    expect(await anonymiseRequests(db, storage, [req.requestId], new Date())).toEqual([req.requestId]);

    const { parcels, lines } = await parcelsIn(db, req.requestId);
    expect(parcels).toMatchObject([{ trackingNo: null, note: null }]);
    expect(lines).toMatchObject([{ quantity: 2, condition: "as_new", disposition: "restock", note: null }]);
    expect(await db.select().from(parcelPhotos).where(inArray(parcelPhotos.id, [photo.id, unmatchedPhoto.id]))).toEqual([]);
    for (const k of keys) {
      expect(await storage.get(k.storageKey)).toBeNull();
      expect(await storage.get(k.thumbnailKey)).toBeNull();
    }
    const [u] = await db.select().from(unmatchedParcels).where(eq(unmatchedParcels.id, unmatched.id));
    expect(u).toMatchObject({ trackingNo: "anonymised", note: null, linkedRequestId: req.requestId });
    expect(await db.select().from(receiptParcels).where(eq(receiptParcels.requestId, req.requestId))).toHaveLength(1);
  });
});
