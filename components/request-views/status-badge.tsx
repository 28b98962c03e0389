import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ReturnStatus } from "@/server/domain/vocabulary";
import { STATUS_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";

// Tones group statuses by who acts next: reviewers (amber), the customer (sky), goods on the
// way (indigo), money (emerald), replacement (violet), finished (green/grey).
const TONE: Record<ReturnStatus, BadgeTone> = {
  pending_cs_review: "warning",
  pending_ops_review: "warning",
  needs_info: "info",
  awaiting_shipment: "transit",
  in_transit: "transit",
  inspection_mismatch: "danger",
  pending_refund_approval: "money",
  pending_refund: "money",
  refunding: "money",
  pending_replacement: "violet",
  rejected: "neutral",
  completed: "success",
  cancelled: "neutral",
  closed: "neutral",
};

/** A request's status in words, for staff and customers alike. */
export function StatusBadge({ status, locale }: { status: ReturnStatus; locale: Locale }) {
  return <Badge tone={TONE[status]}>{term(STATUS_NAMES, status, locale)}</Badge>;
}
