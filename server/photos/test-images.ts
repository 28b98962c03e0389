import sharp, { type Sharp } from "sharp";

/**
 * Builds test photos in memory, so tests and the benchmark need no binary fixtures. Noise makes
 * JPEGs as large and slow to code as real camera photos; flat colour would flatter the numbers.
 */
export function noiseRaw(width: number, height: number, channels: 3 | 4 = 3, seed = 1): Buffer {
  const raw = Buffer.allocUnsafe(width * height * channels);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < raw.length; i++) {
    // xorshift32: fast, deterministic, good enough to defeat JPEG compression
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    raw[i] = x & 0xff;
  }
  return raw;
}

export function noisyJpeg(width: number, height: number, quality = 90): Promise<Buffer> {
  return sharp(noiseRaw(width, height), { raw: { width, height, channels: 3 } }).jpeg({ quality }).toBuffer();
}

export function solid(width: number, height: number): Sharp {
  return sharp({ create: { width, height, channels: 3, background: { r: 51, g: 102, b: 204 } } });
}
