import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { parcelPhotos } from "../../../db/schema";
import type { StaffRole } from "../../domain/vocabulary";
import { noisyJpeg } from "../../photos/test-images";
import { LocalDiskStorage } from "../../storage";
import { createTestDatabase } from "../../test/db";
import { makeStaff, staffCaller, testContext } from "../../test/fixtures";
import { awaitingGoods } from "../../services/receiving/__tests__/helpers";
import type { Context } from "../context";
import { serveParcelPhoto, uploadParcelPhoto } from "../parcel-photo-routes";

const { db } = await createTestDatabase();
const dir = mkdtempSync(path.join(os.tmpdir(), "parcel-photo-routes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const storage = new LocalDiskStorage(dir);
const HOST = "shop.test";

function upload(ctx: Context, bytes: Buffer, headers: Record<string, string> = {}, field = "file") {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "parcel.jpg");
  return uploadParcelPhoto(new Request(`http://${HOST}/api/staff/parcel-photos`, { method: "POST", body: form, headers: { host: HOST, origin: `http://${HOST}`, ...headers } }), ctx, storage);
}

const get = (ctx: Context, id: string, query = "") =>
  serveParcelPhoto(new Request(`http://${HOST}/api/staff/parcel-photos/${id}${query}`, { headers: { host: HOST } }), ctx, storage, id);

async function staffCtx(role: StaffRole, over: Partial<Context> = {}) {
  const staff = await makeStaff(db, role);
  return { staff, ctx: testContext(db, { staff, ...over }) };
}

describe("POST /api/staff/parcel-photos", () => {
  it("the warehouse uploads a photo: checked, re-encoded, without EXIF; answered with its id and thumbnail URL", async () => {
    const { ctx } = await staffCtx("warehouse");
    const original = await sharp(await noisyJpeg(800, 600)).withExif({ IFD0: { Make: "TestPhone" } }).jpeg().toBuffer();
    const res = await upload(ctx, original);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; thumbnailUrl: string };
    expect(body.thumbnailUrl).toBe(`/api/staff/parcel-photos/${body.id}?thumb=1`);
    const served = await get(ctx, body.id);
    expect(served.status).toBe(200);
    expect(served.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 800, height: 600 });
    expect(meta.exif).toBeUndefined();
    const thumb = await get(ctx, body.id, "?thumb=1");
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBeLessThan(800);
  });

  it("only the warehouse may upload; anyone signed out is asked to sign in; a cross-site post is refused", async () => {
    const jpeg = await noisyJpeg(64, 64);
    const before = (await db.select().from(parcelPhotos)).length;
    for (const role of ["customer_service", "operations_manager", "finance", "admin"] as const) {
      expect((await upload((await staffCtx(role)).ctx, jpeg)).status, role).toBe(403);
    }
    expect((await upload(testContext(db), jpeg)).status).toBe(401);
    const { ctx } = await staffCtx("warehouse");
    expect((await upload(ctx, jpeg, { origin: "https://evil.test" })).status).toBe(403);
    expect((await upload({ ...ctx, staff: { ...ctx.staff!, secondFactorPending: { method: "totp" } as never } }, jpeg)).status).toBe(401);
    expect((await db.select().from(parcelPhotos)).length).toBe(before);
  });

  it("refuses a file that is not a picture and a form without the file, writing nothing", async () => {
    const { ctx } = await staffCtx("warehouse");
    const before = (await db.select().from(parcelPhotos)).length;
    const fake = await upload(ctx, Buffer.from("this is not a picture at all"));
    expect(fake.status).toBe(400);
    expect(((await fake.json()) as { code: string }).code).toBe("photo_not_an_image");
    const wrongField = await upload(ctx, await noisyJpeg(64, 64), {}, "photo");
    expect(wrongField.status).toBe(400);
    expect(((await wrongField.json()) as { code: string }).code).toBe("missing_field");
    expect((await db.select().from(parcelPhotos)).length).toBe(before);
  });
});

describe("GET /api/staff/parcel-photos/[id]", () => {
  it("unattached: its uploader only; on a parcel: staff who may read the request's photos", async () => {
    const wh = await staffCaller(db, "warehouse");
    const whCtx = testContext(db, { staff: wh.staff });
    const res = await upload(whCtx, await noisyJpeg(200, 200));
    const { id } = (await res.json()) as { id: string };

    const otherClerk = await staffCtx("warehouse");
    const adminCtx = await staffCtx("admin");
    expect((await get(otherClerk.ctx, id)).status).toBe(404);
    expect((await get(adminCtx.ctx, id)).status).toBe(404);

    const req = await awaitingGoods(db, [{ priceFen: 30_00 }]);
    await wh.caller.warehouse.recordParcel({
      requestId: req.requestId,
      version: req.version,
      photoIds: [id],
      lines: [{ returnLineId: req.lines[0]!.id, quantity: 1, condition: "damaged", disposition: "quarantine" }],
      close: true,
    });
    for (const role of ["warehouse", "customer_service", "operations_manager", "admin"] as const) {
      expect((await get((await staffCtx(role)).ctx, id)).status, role).toBe(200);
    }
    // Finance reads no photos (server/domain/read-access.ts): to finance the photo does not exist.
    expect((await get((await staffCtx("finance")).ctx, id)).status).toBe(404);
    expect((await get(testContext(db), id)).status).toBe(401);
    expect((await get(whCtx, "not-a-uuid")).status).toBe(404);
  });
});
