import { describe, expect, it } from "vitest";
import { sniffImageType } from "./sniff";

function ftyp(major: string, ...compatible: string[]): Buffer {
  const box = Buffer.alloc(16 + 4 * compatible.length);
  box.writeUInt32BE(box.length, 0);
  box.write(`ftyp${major}`, 4, "latin1");
  compatible.forEach((b, i) => box.write(b, 16 + 4 * i, "latin1"));
  return Buffer.concat([box, Buffer.alloc(16)]);
}

describe("sniffImageType", () => {
  it("recognises JPEG, PNG and WebP signatures", () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]))).toBe("jpeg");
    expect(sniffImageType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("png");
    expect(sniffImageType(Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 ", "latin1"))).toBe("webp");
  });

  it("tells HEIC from AVIF by ftyp brand, including HEIC that names only compatible brands", () => {
    expect(sniffImageType(ftyp("heic", "mif1", "heic"))).toBe("heic");
    expect(sniffImageType(ftyp("heix", "mif1"))).toBe("heic");
    expect(sniffImageType(ftyp("mif1", "heic"))).toBe("heic");
    expect(sniffImageType(ftyp("avif", "mif1", "miaf"))).toBe("avif");
    expect(sniffImageType(ftyp("mif1", "avif"))).toBe("avif");
  });

  it("returns null for videos, text, RIFF that is not WebP, and short input", () => {
    expect(sniffImageType(ftyp("isom", "iso2", "mp41"))).toBeNull();
    expect(sniffImageType(ftyp("qt  "))).toBeNull();
    expect(sniffImageType(Buffer.from("RIFF\x10\x00\x00\x00WAVEfmt ", "latin1"))).toBeNull();
    expect(sniffImageType(Buffer.from("hello"))).toBeNull();
    expect(sniffImageType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});
