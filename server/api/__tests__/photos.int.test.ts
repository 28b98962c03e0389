import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { evidencePhotos } from "../../../db/schema";
import { DEFAULT_POLICY } from "../../domain/policy";
import type { StaffRole } from "../../domain/vocabulary";
import { noisyJpeg, solid } from "../../photos/test-images";
import { LocalDiskStorage } from "../../storage";
import type { Context } from "../context";
import { createTestDatabase } from "../../test/db";
import { customerCaller, failureOf, makeOrder, makeStaff, staffCaller, testContext } from "../../test/fixtures";
import { removePhoto, servePhoto, uploadPhoto } from "../photo-routes";
import { MAX_PHOTO_UPLOADS_PER_DAY } from "../../services/evidence-photos";

const { db } = await createTestDatabase();
const dir = mkdtempSync(path.join(os.tmpdir(), "photos-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const storage = new LocalDiskStorage(dir);
const HOST = "shop.test";

function upload(ctx: Context, bytes: Buffer, filename = "photo.jpg", headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append("photo", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), filename);
  const req = new Request(`http://${HOST}/api/photos`, { method: "POST", body: form, headers: { host: HOST, origin: `http://${HOST}`, ...headers } });
  return uploadPhoto(req, ctx, storage);
}

const get = (ctx: Context, id: string, size = "") => servePhoto(new Request(`http://${HOST}/api/photos/${id}${size}`, { headers: { host: HOST } }), ctx, storage, id);

async function customer() {
  const made = await makeOrder(db, [{ priceFen: 8000 }]);
  return { made, ctx: testContext(db, { customer: made.customer, customerToken: "t" }) };
}

/** A JPEG as a phone writes it: camera make and GPS position in its EXIF. */
function jpegWithGps(): Promise<Buffer> {
  return solid(1200, 900)
    .jpeg()
    .withExif({ IFD0: { Make: "TestPhone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "30/1 15/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "120/1 10/1 0/1" } })
    .toBuffer();
}

describe("photo upload", () => {
  it("keeps a phone photo without its EXIF/GPS; a draft is served to its owner only, a submitted photo also to the staff roles that read photos", async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const { ctx, made } = await customer();
    const res = await upload(ctx, original);
    expect(res.status).toBe(201);
    const photo = (await res.json()) as { id: string; width: number; height: number };
    expect(photo).toMatchObject({ width: 1200, height: 900 });

    const served = await get(ctx, photo.id);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-disposition")).toMatch(/^inline; filename="photo-[0-9a-f-]+\.jpg"$/);
    const stored = Buffer.from(await served.arrayBuffer());
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from("TestPhone"))).toBe(false);

    const thumb = await get(ctx, photo.id, "?size=thumb");
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBeLessThanOrEqual(320);

    const other = await customer();
    expect((await get(other.ctx, photo.id)).status).toBe(404);
    expect((await get(testContext(db), photo.id)).status).toBe(401);
    const asStaff = async (role: StaffRole) => testContext(db, { staff: await makeStaff(db, role) });
    const cs = await asStaff("customer_service");
    // A draft is the customer's alone, even for staff.
    expect((await get(cs, photo.id)).status).toBe(404);
    expect((await get(cs, photo.id, "?size=thumb")).status).toBe(404);

    await customerCaller(db, made.customer).customer.submit({
      orderId: made.order.id,
      type: "refund_only",
      idempotencyKey: randomUUID(),
      lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 1, reasonCode: "quality_problem" }],
      photoIds: [photo.id],
    });
    expect((await get(cs, photo.id)).status).toBe(200);
    expect((await get(await asStaff("admin"), photo.id)).status).toBe(200);
    // Finance does not read photos; the warehouse does not open a refund-only request under review.
    expect((await get(await asStaff("finance"), photo.id)).status).toBe(404);
    expect((await get(await asStaff("warehouse"), photo.id)).status).toBe(404);
    // The file on disk is the re-encoded copy too.
    const [row] = await db.select().from(evidencePhotos).where(eq(evidencePhotos.id, photo.id));
    expect(readFileSync(path.join(dir, row!.storageKey)).equals(stored)).toBe(true);
    expect(row!.customerId).toBe(made.customer.id);
  });

  it("accepts a PNG and stores a JPEG", async () => {
    const { ctx } = await customer();
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } }).png().toBuffer();
    const res = await upload(ctx, png, "screen.png");
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await sharp(Buffer.from(await (await get(ctx, id)).arrayBuffer())).metadata()).format).toBe("jpeg");
  });

  it("refuses a text file renamed to .jpg with a message in the customer's language, and writes nothing", async () => {
    const { ctx } = await customer();
    const before = (await db.select().from(evidencePhotos)).length;
    const zh = await upload(ctx, Buffer.from("this is not a picture at all"), "fake.jpg");
    expect(zh.status).toBe(400);
    expect(await zh.json()).toEqual({ code: "photo_not_an_image", message: "这个文件不是图片，请选择 JPG、PNG 或 WebP 照片" });
    const en = await upload({ ...ctx, locale: "en" }, Buffer.from("this is not a picture at all"), "fake.jpg");
    expect(((await en.json()) as { message: string }).message).toBe("This file is not a picture. Choose a JPG, PNG or WebP photo");
    expect((await db.select().from(evidencePhotos)).length).toBe(before);
  });

  it("refuses an iPhone HEIC with what to do instead", async () => {
    const { ctx } = await customer();
    const heic = readFileSync(path.join(import.meta.dirname, "../../photos/fixtures/iphone-style-64x48.heic"));
    const res = await upload(ctx, heic, "IMG_0001.HEIC");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain("兼容性最佳");
  });

  it("refuses an upload over 15 MiB", async () => {
    const { ctx } = await customer();
    const huge = Buffer.concat([await solid(100, 100).jpeg().toBuffer(), Buffer.alloc(16 * 1024 * 1024, 0x20)]);
    const res = await upload(ctx, huge, "huge.jpg");
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe("photo_too_large");
  });

  it("downscales a 12-megapixel photo to 1600 px on the long edge", async () => {
    const { ctx } = await customer();
    const res = await upload(ctx, await noisyJpeg(4000, 3000, 80));
    expect(await res.json()).toMatchObject({ width: 1600, height: 1200 });
  });

  it("refuses anonymous and cross-site uploads", async () => {
    expect((await upload(testContext(db), await solid(10, 10).jpeg().toBuffer())).status).toBe(401);
    const { ctx } = await customer();
    const res = await upload(ctx, await solid(10, 10).jpeg().toBuffer(), "x.jpg", { origin: "https://evil.example" });
    expect(res.status).toBe(403);
  });

  it("lets the customer remove a draft photo, but never one that is already evidence on a request", async () => {
    const { ctx, made } = await customer();
    const draft = (await (await upload(ctx, await solid(50, 50).jpeg().toBuffer())).json()) as { id: string };
    const del = (id: string, c = ctx) => removePhoto(new Request(`http://${HOST}/api/photos/${id}`, { method: "DELETE", headers: { host: HOST, origin: `http://${HOST}` } }), c, storage, id);
    const other = await customer();
    expect((await del(draft.id, other.ctx)).status).toBe(404);
    expect((await del(draft.id)).status).toBe(204);
    expect((await get(ctx, draft.id)).status).toBe(404);

    const kept = (await (await upload(ctx, await solid(50, 50).jpeg().toBuffer())).json()) as { id: string };
    await customerCaller(db, made.customer).customer.submit({
      orderId: made.order.id,
      type: "refund_only",
      idempotencyKey: randomUUID(),
      lines: [{ orderLineId: made.lines[0]!.line.id, quantity: 1, reasonCode: "quality_problem" }],
      photoIds: [kept.id],
    });
    expect((await del(kept.id)).status).toBe(404);
    expect((await get(ctx, kept.id)).status).toBe(200);
  });
});

describe("evidence rules at submission", () => {
  it("a reason that needs photos is refused without one, accepted with one; someone else's photo does not count", async () => {
    const admin = await staffCaller(db, "admin");
    const current = await admin.caller.admin.policy();
    await admin.caller.admin.replacePolicy({
      expectedVersion: current.version,
      policy: { ...DEFAULT_POLICY, evidence: { maxPhotos: 2 } },
    });
    // The photo rule is on the reason's row, set by the store manager.
    const quality = (await admin.caller.reasons.list({ kind: "customer" })).find((r) => r.code === "quality_problem")!;
    await admin.caller.reasons.setPhotoRequired({ id: quality.id, version: quality.version, photoRequired: true });
    const { ctx, made } = await customer();
    const caller = customerCaller(db, made.customer);
    const line = { orderLineId: made.lines[0]!.line.id, quantity: 1, reasonCode: "quality_problem" as const };
    const base = { orderId: made.order.id, type: "refund_only" as const, lines: [line] };

    const none = await failureOf(caller.customer.submit({ ...base, idempotencyKey: randomUUID() }));
    expect(none.message).toBe("「质量问题」需要至少上传 1 张照片");

    const stranger = await customer();
    const theirs = (await (await upload(stranger.ctx, await solid(40, 40).jpeg().toBuffer())).json()) as { id: string };
    await expect(caller.customer.submit({ ...base, idempotencyKey: randomUUID(), photoIds: [theirs.id] })).rejects.toThrow("质量问题");

    const mine = await Promise.all([1, 2, 3].map(async () => ((await (await upload(ctx, await solid(40, 40).jpeg().toBuffer())).json()) as { id: string }).id));
    const tooMany = await failureOf(caller.customer.submit({ ...base, idempotencyKey: randomUUID(), photoIds: mine }));
    expect(tooMany.message).toBe("最多上传 2 张照片");

    const ok = await caller.customer.submit({ ...base, idempotencyKey: randomUUID(), photoIds: mine.slice(0, 1) });
    const seen = await caller.customer.request({ id: ok.id });
    expect(seen.photos.map((p) => p.id)).toEqual(mine.slice(0, 1));
    expect(seen.timeline[0]!.action).toBe("submit");
  });
});

describe("the daily upload quota counts uploads, not the photos that still exist", () => {
  it("upload to the quota, delete them all, upload again: refused with the wait; another customer is not affected", async () => {
    const { ctx } = await customer();
    const del = (id: string) => removePhoto(new Request(`http://${HOST}/api/photos/${id}`, { method: "DELETE", headers: { host: HOST, origin: `http://${HOST}` } }), ctx, storage, id);
    const small = await solid(40, 40).jpeg().toBuffer();
    for (let i = 0; i < MAX_PHOTO_UPLOADS_PER_DAY; i++) {
      const res = await upload(ctx, small);
      expect(res.status).toBe(201);
      // Deleted at once: the old count of surviving drafts never grew.
      expect((await del(((await res.json()) as { id: string }).id)).status).toBe(204);
    }
    expect(await db.select().from(evidencePhotos).where(eq(evidencePhotos.customerId, ctx.customer!.id))).toEqual([]);

    const refused = await upload(ctx, small);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: "rate_limited" });
    expect(await db.select().from(evidencePhotos).where(eq(evidencePhotos.customerId, ctx.customer!.id))).toEqual([]);

    const other = await customer();
    expect((await upload(other.ctx, small)).status).toBe(201);
  });
});
