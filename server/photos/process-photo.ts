import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import sharp from "sharp";
import { DecodeSlots } from "./decode-slots";
import { PhotoRejected } from "./errors";
import { sniffImageType } from "./sniff";

export { PhotoRejected } from "./errors";
export type { PhotoRejectionCode } from "./errors";

export const DEFAULT_MAX_BYTES = 15 * 1024 * 1024;
export const DEFAULT_MAX_PIXELS = 50_000_000;
/** Long edge of the stored image: enough to read a label or see a scratch, small enough for H5 on 4G. */
export const IMAGE_MAX_EDGE = 1600;
export const THUMBNAIL_MAX_EDGE = 320;
const IMAGE_QUALITY = 80;
const THUMBNAIL_QUALITY = 70;

export interface ProcessUploadOptions {
  /** Largest accepted upload in bytes (default 15 MiB). */
  maxBytes?: number;
  /** Largest accepted width × height of the upload (default 50 megapixels). */
  maxPixels?: number;
}

export interface ProcessedPhoto {
  /** JPEG, EXIF-oriented, fits inside 1600×1600, no EXIF/GPS/ICC/XMP. */
  image: Buffer;
  /** JPEG, fits inside 320×320. */
  thumbnail: Buffer;
  width: number;
  height: number;
  /** Size of `image` in bytes. */
  bytes: number;
  /** Hex SHA-256 of `image` (not of the upload): identifies what we store and serve. */
  sha256: string;
  contentType: "image/jpeg";
}

const HEIC_MESSAGE =
  "HEIC/HEIF photos are not supported. On iPhone choose Settings → Camera → Formats → Most Compatible, " +
  "or send a screenshot or a JPEG instead.";

/**
 * Decodes running at once in this process, and uploads allowed to wait for one. A 50-megapixel
 * decode holds ~200 MB and a core; without a bound, a burst of uploads exhausts the machine.
 * Past the queue, uploads are refused with `busy` (the API answers 503 with Retry-After).
 */
export const MAX_CONCURRENT_DECODES = Math.max(1, Math.min(2, availableParallelism()));
export const MAX_QUEUED_DECODES = 8;
/** Seconds a refused upload is told to wait before retrying. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

const decodeSlots = new DecodeSlots(MAX_CONCURRENT_DECODES, MAX_QUEUED_DECODES);

/**
 * Checks an uploaded evidence photo and re-encodes it. Re-encoding (never storing the upload as
 * given) is what strips location data and any payload hidden in metadata or trailing bytes.
 * Throws PhotoRejected; any other error is a bug or an exhausted machine.
 */
export async function processUpload(bytes: Buffer, opts: ProcessUploadOptions = {}): Promise<ProcessedPhoto> {
  const done = await decodeSlots.run(() => processUploadNow(bytes, opts));
  if (!done) throw new PhotoRejected("busy", `all ${decodeSlots.slots} decode slots and ${decodeSlots.queue} queue places taken`);
  return done.value;
}

async function processUploadNow(bytes: Buffer, opts: ProcessUploadOptions): Promise<ProcessedPhoto> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PIXELS;

  const type = sniffImageType(bytes);
  if (type === "heic") throw new PhotoRejected("heic_not_supported", HEIC_MESSAGE);
  // AVIF is decodable by sharp but is not an accepted upload format (see PRODUCT: JPEG, PNG, WebP).
  if (type === null || type === "avif") {
    throw new PhotoRejected("not_an_image", `not a JPEG, PNG or WebP image (${type ?? "unknown"})`);
  }
  if (bytes.length > maxBytes) {
    throw new PhotoRejected("too_large", `upload is ${bytes.length} bytes`, maxBytes, bytes.length);
  }

  // Header only, no pixels decoded: a clear too_many_pixels before libvips allocates anything.
  const meta = await readMetadata(bytes);
  if (meta.format !== type) throw new PhotoRejected("undecodable", `magic says ${type}, decoder says ${meta.format}`);
  const pixels = meta.width * meta.height;
  if (pixels > maxPixels) {
    throw new PhotoRejected("too_many_pixels", `image is ${meta.width}×${meta.height}`, maxPixels, pixels);
  }

  const { data: image, info } = await decodeAndEncode(bytes, maxPixels);
  const thumbnail = await sharp(image)
    .resize({ width: THUMBNAIL_MAX_EDGE, height: THUMBNAIL_MAX_EDGE, fit: "inside", withoutEnlargement: true })
    .jpeg({ quality: THUMBNAIL_QUALITY })
    .toBuffer();

  return {
    image,
    thumbnail,
    width: info.width,
    height: info.height,
    bytes: image.length,
    sha256: createHash("sha256").update(image).digest("hex"),
    contentType: "image/jpeg",
  };
}

async function readMetadata(bytes: Buffer): Promise<{ format: string; width: number; height: number }> {
  try {
    const m = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!m.width || !m.height) throw new Error("no dimensions");
    return { format: m.format, width: m.width, height: m.height };
  } catch (cause) {
    throw new PhotoRejected("undecodable", "image header cannot be read", undefined, undefined, { cause });
  }
}

async function decodeAndEncode(bytes: Buffer, maxPixels: number) {
  try {
    // failOn "error": a truncated or corrupt file is refused, but the harmless warnings some phone
    // cameras trigger ("extraneous bytes before marker") are not. limitInputPixels backs up the
    // header check in case a header lies about the size.
    return await sharp(bytes, { failOn: "error", limitInputPixels: maxPixels })
      .rotate() // apply EXIF orientation before the metadata that carries it is dropped
      .flatten({ background: "#ffffff" }) // JPEG has no alpha: transparent PNG/WebP areas become white, not black
      .resize({ width: IMAGE_MAX_EDGE, height: IMAGE_MAX_EDGE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: IMAGE_QUALITY }) // sharp writes no EXIF/ICC/XMP unless asked; output is sRGB
      .toBuffer({ resolveWithObject: true });
  } catch (cause) {
    if (cause instanceof Error && /pixel limit/i.test(cause.message)) {
      throw new PhotoRejected("too_many_pixels", cause.message, maxPixels, undefined, { cause });
    }
    throw new PhotoRejected("undecodable", "image data cannot be decoded", undefined, undefined, { cause });
  }
}
