import { describe, expect, it } from "vitest";
import { checkEvidence, type ReasonRule } from "./evidence";
import { AppError } from "./errors";

const rule = (code: string, over: Partial<ReasonRule> = {}): ReasonRule => ({ code, photoRequired: false, retired: false, nameZh: code, nameEn: code, ...over });
const reasons = [rule("size_not_fit"), rule("cracked", { photoRequired: true, nameZh: "碎裂", nameEn: "Cracked" }), rule("old", { retired: true })];

function refusal(fn: () => void): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("checkEvidence", () => {
  it("accepts active reasons, with photos where a reason needs them", () => {
    expect(() => checkEvidence({ maxPhotos: 9 }, reasons, ["size_not_fit"], 0)).not.toThrow();
    expect(() => checkEvidence({ maxPhotos: 9 }, reasons, ["size_not_fit", "cracked"], 1)).not.toThrow();
  });

  it("refuses an unknown or retired reason, naming the line's field", () => {
    expect(refusal(() => checkEvidence({ maxPhotos: 9 }, reasons, ["size_not_fit", "old"], 0))).toMatchObject({ code: "reason_unavailable", params: { field: "lines.1.reasonCode" } });
    expect(refusal(() => checkEvidence({ maxPhotos: 9 }, reasons, ["nope"], 0))).toMatchObject({ code: "reason_unavailable", params: { field: "lines.0.reasonCode" } });
  });

  it("refuses a photo-required reason without photos, with the reason's names for the message", () => {
    expect(refusal(() => checkEvidence({ maxPhotos: 9 }, reasons, ["cracked"], 0))).toMatchObject({ code: "photos_required", params: { reasonZh: "碎裂", reasonEn: "Cracked" } });
  });

  it("refuses more photos than the policy allows", () => {
    expect(refusal(() => checkEvidence({ maxPhotos: 2 }, reasons, ["size_not_fit"], 3))).toMatchObject({ code: "too_many_photos", params: { max: 2 } });
  });
});
