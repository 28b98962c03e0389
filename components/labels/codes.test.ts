import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from "@zxing/library";
import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { code128Svg, qrSvg } = await import("./codes");

/** The SVG the slip ships, rasterised as a printer would (sharp's SVG renderer), then read back by ZXing. */
async function decode(svg: string, format: BarcodeFormat, width: number): Promise<string> {
  const { data, info } = await sharp(Buffer.from(svg)).resize({ width }).flatten({ background: "#ffffff" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const luminances = new Uint8ClampedArray(info.width * info.height);
  for (let i = 0; i < luminances.length; i++) {
    const p = i * 4;
    luminances[i] = (data[p]! * 299 + data[p + 1]! * 587 + data[p + 2]! * 114) / 1000;
  }
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminances, info.width, info.height)));
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [format]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const result = reader.decode(bitmap, hints);
  expect(result.getBarcodeFormat()).toBe(format);
  return result.getText();
}

const RMAS = ["RMA20261125A7K3Q9", "RMA20261130ZZ00XY", "RMA20261201B8C4D2"];

describe("the return slip's codes", () => {
  it.each(RMAS)("Code 128 of %s reads back as the RMA", async (rma) => {
    expect(await decode(code128Svg(rma), BarcodeFormat.CODE_128, 800)).toBe(rma);
  });

  it.each(RMAS)("QR of %s reads back as the RMA", async (rma) => {
    expect(await decode(await qrSvg(rma), BarcodeFormat.QR_CODE, 400)).toBe(rma);
  });

  it("draws plain vectors, no script and no external reference", async () => {
    for (const svg of [code128Svg(RMAS[0]!), await qrSvg(RMAS[0]!)]) {
      expect(svg).toMatch(/^<svg|^<\?xml/);
      expect(svg).not.toMatch(/<script|href=|<image/i);
    }
  });
});
