import { AppError } from "./errors";
import type { ReasonCode } from "./vocabulary";

/**
 * A customer reason as the evidence check sees it: a row of return_reasons. Which reasons are
 * offered and which need photos used to sit in the policy (`evidence.reasons`); they are rows
 * now, edited by the store manager, so a rename or a new reason needs no policy version.
 */
export interface ReasonRule {
  code: ReasonCode;
  /** At least one photo must come with a line giving this reason. */
  photoRequired: boolean;
  /** No longer offered; a submission giving it is refused. */
  retired: boolean;
  nameZh: string;
  nameEn: string;
}

/** What policy versions stored before reasons became rows carried per reason. Read, never used. */
export interface LegacyReasonRule {
  code: string;
  enabled: boolean;
  photoRequired: boolean;
}

export interface EvidenceRules {
  /** Photos per request (and per answer to a question). */
  maxPhotos: number;
  /**
   * Only in policy versions saved before reasons were rows (migration 0005 moved the policy in
   * force onto the rows). Accepted so old JSON still validates; ignored by every check.
   */
  reasons?: LegacyReasonRule[];
}

export const DEFAULT_EVIDENCE: EvidenceRules = { maxPhotos: 9 };

/**
 * Refuses a submission whose reasons or photo count break the rules. `reasons` are the rows of
 * the codes given (any missing one is unknown); the error names the line's field, so the form
 * can show it under that line's reason picker.
 */
export function checkEvidence(
  rules: Pick<EvidenceRules, "maxPhotos">,
  reasons: readonly ReasonRule[],
  given: readonly ReasonCode[],
  photoCount: number,
): void {
  const byCode = new Map(reasons.map((r) => [r.code, r]));
  given.forEach((code, i) => {
    const rule = byCode.get(code);
    if (!rule || rule.retired) throw new AppError("reason_unavailable", { field: `lines.${i}.reasonCode` });
  });
  if (photoCount > rules.maxPhotos) throw new AppError("too_many_photos", { max: rules.maxPhotos });
  for (const code of given) {
    const rule = byCode.get(code)!;
    if (rule.photoRequired && photoCount === 0) throw new AppError("photos_required", { reasonZh: rule.nameZh, reasonEn: rule.nameEn });
  }
}
