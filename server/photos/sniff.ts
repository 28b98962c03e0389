/**
 * Identifies an upload from its first bytes, before any decoder sees it: the file name and the
 * browser's Content-Type are both under the uploader's control, the magic bytes are what the
 * decoder will actually act on.
 */
export type SniffedType = "jpeg" | "png" | "webp" | "heic" | "avif";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// ISO-BMFF brands of HEVC-coded HEIF (what iPhones and many Android phones save by default).
// `mif1`/`msf1` are the generic HEIF brands; an AVIF file lists them too, so AVIF is checked first.
const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1", "mif2"]);
const AVIF_BRANDS = new Set(["avif", "avis"]);

export function sniffImageType(bytes: Buffer): SniffedType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return "png";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  return sniffIsoBmff(bytes);
}

/** HEIF and AVIF start with an `ftyp` box: size, "ftyp", major brand, minor version, compatible brands. */
function sniffIsoBmff(bytes: Buffer): SniffedType | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return null;
  const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(bytes, at, at + 4));
  if (brands.some((b) => AVIF_BRANDS.has(b))) return "avif";
  if (brands.some((b) => HEIC_BRANDS.has(b))) return "heic";
  return null; // MP4, MOV, 3GP…: ISO-BMFF but not a still image
}

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.toString("latin1", start, end);
}
