import { AppError } from "./errors";
import type { ReasonCode } from "./vocabulary";

export interface ReasonRule {
  code: ReasonCode;
  /** Offered to customers. */
  enabled: boolean;
  /** At least one photo must come with a line giving this reason. */
  photoRequired: boolean;
}

export interface EvidenceRules {
  /** Photos per request (and per answer to a question). */
  maxPhotos: number;
  /** In the order customers see them. */
  reasons: ReasonRule[];
}

export const DEFAULT_EVIDENCE: EvidenceRules = {
  maxPhotos: 9,
  reasons: [
    { code: "quality_problem", enabled: true, photoRequired: false },
    { code: "wrong_item", enabled: true, photoRequired: false },
    { code: "damaged_in_transit", enabled: true, photoRequired: false },
    { code: "not_as_described", enabled: true, photoRequired: false },
    { code: "missing_parts", enabled: true, photoRequired: false },
    { code: "size_not_fit", enabled: true, photoRequired: false },
    { code: "no_longer_wanted", enabled: true, photoRequired: false },
    { code: "other", enabled: true, photoRequired: false },
  ],
};

/** Refuses a submission whose reasons or photo count break the rules. */
export function checkEvidence(rules: EvidenceRules, reasons: readonly ReasonCode[], photoCount: number): void {
  if (photoCount > rules.maxPhotos) throw new AppError("too_many_photos", { max: rules.maxPhotos });
  for (const code of reasons) {
    const rule = rules.reasons.find((r) => r.code === code);
    if (!rule?.enabled) throw new AppError("missing_field", { field: "reasonCode" });
    if (rule.photoRequired && photoCount === 0) throw new AppError("photos_required", { reason: code });
  }
}
