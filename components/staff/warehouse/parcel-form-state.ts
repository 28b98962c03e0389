import type { Disposition, ItemCondition } from "@/server/domain/vocabulary";
import type { ScanLine } from "./types";

/** One line of the parcel form as the inputs hold it (quantity as typed). */
export interface LineDraft {
  returnLineId: string;
  quantity: string;
  condition: ItemCondition;
  disposition: Disposition;
  note: string;
}

/** What is still to come for a line: the default received quantity of the next parcel. */
export const remainingOf = (l: Pick<ScanLine, "expectedQuantity" | "receivedSoFar">) => Math.max(0, l.expectedQuantity - l.receivedSoFar);

/** The defaults that make a matching parcel one confirmation: everything still expected, intact, back to stock. */
export function defaultDrafts(lines: ScanLine[]): LineDraft[] {
  return lines.map((l) => ({ returnLineId: l.returnLineId, quantity: String(remainingOf(l)), condition: "as_new", disposition: "restock", note: "" }));
}

/** A draft differs from the defaults (the clerk already looked at it): Enter then records instead of confirming "all intact". */
export function isEdited(drafts: LineDraft[], lines: ScanLine[]): boolean {
  const defaults = defaultDrafts(lines);
  return drafts.some((d, i) => {
    const base = defaults[i];
    return !base || d.quantity !== base.quantity || d.condition !== base.condition || d.disposition !== base.disposition || d.note.trim() !== "";
  });
}

/** The quantity typed for a line, or null when it is not a whole number between 0 and what was expected. */
export function parsedQuantity(draft: LineDraft, line: Pick<ScanLine, "expectedQuantity">): number | null {
  if (!/^\d{1,3}$/.test(draft.quantity.trim())) return null;
  const n = Number(draft.quantity.trim());
  return n <= line.expectedQuantity ? n : null;
}
