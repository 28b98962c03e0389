import type { IneligibleReason } from "@/server/domain/eligibility";
import type { ReasonCode, ReturnType } from "@/server/domain/vocabulary";

/** One order line as the form shows it: prepared on the server, so the browser gets words, not rules. */
export interface LineView {
  id: string;
  title: string;
  attributes: string;
  quantity: number;
  paidFen: number;
  returnableQuantity: number;
  refundableFen: number;
  reason: IneligibleReason | null;
  /** "12月2日": the last day of the return window, when it has started. */
  windowEnds: string | null;
  variants: { id: string; label: string }[];
}

export interface ReasonOption {
  code: ReasonCode;
  label: string;
  photoRequired: boolean;
}

export interface WizardSetup {
  orderId: string;
  orderNo: string;
  lines: LineView[];
  reasons: ReasonOption[];
  maxPhotos: number;
  typeNames: Record<ReturnType, string>;
}
