/**
 * Shrinks a phone photo before it travels over a slow mobile network: a 12-megapixel JPEG of
 * several MB goes up as a few hundred KB. The server re-encodes to the same 1600 px anyway, so
 * nothing the staff would see is lost. Re-encoding here also leaves the EXIF (GPS) behind.
 *
 * When the browser cannot decode the file (HEIC outside Safari, a document renamed .jpg) the
 * original bytes go up unchanged, so the server's check gives its proper, localized message.
 */
export const MAX_EDGE = 1600;
export const JPEG_QUALITY = 0.8;
/** The server's limit for one upload (server/photos/process-photo.ts DEFAULT_MAX_BYTES). */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

export interface PreparedPhoto {
  blob: Blob;
  filename: string;
  /** False when the original bytes are sent as they are. */
  compressed: boolean;
  /** The original could be decoded: a preview can be shown. */
  decodable: boolean;
}

type Drawable = ImageBitmap | HTMLImageElement;

async function decode(file: File): Promise<{ image: Drawable; width: number; height: number; release: () => void }> {
  if (typeof createImageBitmap === "function") {
    // "from-image": turn the pixels the way the camera's EXIF orientation says, before resizing.
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    return { image: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
  }
  // Older in-app browsers: an <img> applies EXIF orientation by default (CSS image-orientation).
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  }
  return { image: img, width: img.naturalWidth, height: img.naturalHeight, release: () => URL.revokeObjectURL(url) };
}

async function encode(image: Drawable, width: number, height: number): Promise<Blob> {
  const draw = (ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D) => {
    // JPEG has no transparency: a PNG screenshot's clear areas become white, not black.
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = "high";
    ctx.drawImage(image, 0, 0, width, height);
  };
  if (typeof OffscreenCanvas === "function") {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext("2d");
    if (ctx) {
      draw(ctx);
      return canvas.convertToBlob({ type: "image/jpeg", quality: JPEG_QUALITY });
    }
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2d context");
  draw(ctx);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("toBlob failed"))), "image/jpeg", JPEG_QUALITY));
}

export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const original: PreparedPhoto = { blob: file, filename: file.name || "photo", compressed: false, decodable: false };
  let decoded;
  try {
    decoded = await decode(file);
  } catch {
    return original;
  }
  try {
    const scale = Math.min(1, MAX_EDGE / Math.max(decoded.width, decoded.height));
    const width = Math.max(1, Math.round(decoded.width * scale));
    const height = Math.max(1, Math.round(decoded.height * scale));
    const blob = await encode(decoded.image, width, height);
    // A small photo that is already compact (e.g. a PNG screenshot) may not shrink: keep the smaller.
    if (scale === 1 && blob.size >= file.size) return { ...original, decodable: true };
    return { blob, filename: "photo.jpg", compressed: true, decodable: true };
  } catch {
    return { ...original, decodable: true };
  } finally {
    decoded.release();
  }
}
