import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_BYTES, processUpload, PhotoRejected, type PhotoRejectionCode } from "./process-photo";
import { noiseRaw, noisyJpeg, solid } from "./test-images";

async function rejection(p: Promise<unknown>, code: PhotoRejectionCode): Promise<PhotoRejected> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PhotoRejected);
  expect((err as PhotoRejected).code).toBe(code);
  return err as PhotoRejected;
}

/** True when a TIFF/EXIF block (as sharp's metadata returns it) has a GPS IFD pointer (tag 0x8825) in IFD0. */
function hasGpsIfd(exif: Buffer): boolean {
  const tiff = exif.subarray(exif.toString("latin1", 0, 4) === "Exif" ? 6 : 0);
  const le = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const ifd0 = le ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  const count = u16(ifd0);
  for (let i = 0; i < count; i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

const GPS = {
  IFD3: { GPSLatitudeRef: "N", GPSLatitude: "31/1 14/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "121/1 28/1 0/1" },
};

describe("processUpload: accepted photos", () => {
  it("strips EXIF including GPS, and ICC/XMP", async () => {
    const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>';
    const input = await solid(640, 480)
      .withExif({ IFD0: { Make: "TestCam", Model: "X1" }, ...GPS })
      .withIccProfile("p3")
      .withXmp(xmp)
      .jpeg()
      .toBuffer();
    const inMeta = await sharp(input).metadata();
    // the test input really carries a location, a colour profile and XMP
    expect(inMeta.exif && hasGpsIfd(inMeta.exif)).toBe(true);
    expect(inMeta.icc).toBeDefined();
    expect(inMeta.xmp).toBeDefined();

    const out = await processUpload(input);
    for (const buf of [out.image, out.thumbnail]) {
      const m = await sharp(buf).metadata();
      expect(m.format).toBe("jpeg");
      expect(m.exif).toBeUndefined();
      expect(m.icc).toBeUndefined();
      expect(m.xmp).toBeUndefined();
    }
    expect(out.image.includes(Buffer.from("TestCam"))).toBe(false);
  });

  it("honours EXIF orientation 6 (200×100 stored sideways comes out 100×200)", async () => {
    const input = await solid(200, 100).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect((await sharp(input).metadata()).orientation).toBe(6);
    const out = await processUpload(input);
    expect([out.width, out.height]).toEqual([100, 200]);
    const m = await sharp(out.image).metadata();
    expect([m.width, m.height, m.orientation]).toEqual([100, 200, undefined]);
  });

  it("converts a PNG with alpha to JPEG, transparent areas white", async () => {
    const raw = noiseRaw(300, 200, 4);
    for (let i = 3; i < raw.length; i += 4) raw[i] = 0; // fully transparent
    const input = await sharp(raw, { raw: { width: 300, height: 200, channels: 4 } }).png().toBuffer();
    const out = await processUpload(input);
    expect(out.contentType).toBe("image/jpeg");
    expect([out.width, out.height]).toEqual([300, 200]);
    const { data, info } = await sharp(out.image).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(3);
    expect(Math.min(...data.subarray(0, 300))).toBeGreaterThan(240);
  });

  it("accepts WebP", async () => {
    const out = await processUpload(await solid(120, 90).webp().toBuffer());
    expect([out.width, out.height, (await sharp(out.image).metadata()).format]).toEqual([120, 90, "jpeg"]);
  });

  it("downscales a 4000×3000 photo to 1600×1200 with a 320×240 thumbnail", async () => {
    const input = await noisyJpeg(4000, 3000);
    const out = await processUpload(input);
    expect([out.width, out.height]).toEqual([1600, 1200]);
    const thumb = await sharp(out.thumbnail).metadata();
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
    expect(out.bytes).toBe(out.image.length);
    expect(out.sha256).toBe(createHash("sha256").update(out.image).digest("hex"));
    expect(out.bytes).toBeLessThan(input.length);
  });

  it("never enlarges a small photo", async () => {
    const out = await processUpload(await solid(64, 48).jpeg().toBuffer());
    expect([out.width, out.height]).toEqual([64, 48]);
    expect((await sharp(out.thumbnail).metadata()).width).toBe(64);
  });
});

describe("processUpload: refused uploads", () => {
  it("a text file named .jpg → not_an_image", async () => {
    await rejection(processUpload(Buffer.from("just some text, saved as photo.jpg\n")), "not_an_image");
    await rejection(processUpload(Buffer.alloc(0)), "not_an_image");
  });

  it("a GIF → not_an_image", async () => {
    await rejection(processUpload(await solid(10, 10).gif().toBuffer()), "not_an_image");
  });

  it("AVIF (decodable, but not an accepted format) → not_an_image", async () => {
    await rejection(processUpload(await solid(32, 32).avif().toBuffer()), "not_an_image");
  });

  it("a truncated JPEG → undecodable", async () => {
    const full = await noisyJpeg(800, 600);
    await rejection(processUpload(full.subarray(0, Math.floor(full.length / 2))), "undecodable");
  });

  it("JPEG magic followed by garbage → undecodable", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("not really a jpeg".repeat(20))]);
    await rejection(processUpload(bytes), "undecodable");
  });

  it("a fake HEIC header → heic_not_supported, telling the user what to do", async () => {
    const ftyp = Buffer.alloc(24);
    ftyp.writeUInt32BE(24, 0);
    ftyp.write("ftypheic", 4, "latin1");
    ftyp.write("mif1heic", 16, "latin1");
    const err = await rejection(processUpload(Buffer.concat([ftyp, Buffer.alloc(100)])), "heic_not_supported");
    expect(err.message).toMatch(/Most Compatible/);
    expect(err.message).toMatch(/screenshot|JPEG/);
  });

  it("a real HEVC-coded HEIC (made with libheif's heif-enc) → heic_not_supported", async () => {
    const heic = readFileSync(path.join(import.meta.dirname, "fixtures/iphone-style-64x48.heic"));
    await rejection(processUpload(heic), "heic_not_supported");
    // Canary: sharp's prebuilt libvips reads the HEIF container but ships no HEVC decoder. If an
    // upgrade makes this decode, processUpload could convert HEIC instead of refusing it.
    await expect(sharp(heic).jpeg().toBuffer()).rejects.toThrow(/HEVC/);
  });

  it("over the byte limit → too_large with the limit", async () => {
    const huge = Buffer.alloc(DEFAULT_MAX_BYTES + 1);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    const err = await rejection(processUpload(huge), "too_large");
    expect(err.limit).toBe(15 * 1024 * 1024);
    expect(err.actual).toBe(DEFAULT_MAX_BYTES + 1);

    const small = await solid(100, 100).jpeg().toBuffer();
    expect((await rejection(processUpload(small, { maxBytes: 100 }), "too_large")).limit).toBe(100);
  });

  it("over the pixel limit → too_many_pixels with the limit", async () => {
    const input = await solid(400, 300).jpeg().toBuffer();
    const err = await rejection(processUpload(input, { maxPixels: 100_000 }), "too_many_pixels");
    expect([err.limit, err.actual]).toEqual([100_000, 120_000]);
    await expect(processUpload(input, { maxPixels: 120_000 })).resolves.toMatchObject({ width: 400 });
  });
});
