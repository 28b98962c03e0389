import type { RefundMessages } from "@/components/i18n/refund-messages";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { RefundStatus } from "@/server/domain/vocabulary";

const TONES: Record<RefundStatus, BadgeTone> = {
  pending: "info",
  processing: "info",
  succeeded: "success",
  failed: "danger",
  closed: "warning",
  abnormal: "danger",
};

/** A refund record's status in words (the tone only helps scanning). */
export function RefundStatusBadge({ status, m }: { status: RefundStatus; m: RefundMessages }) {
  return <Badge tone={TONES[status]}>{m.statuses[status]}</Badge>;
}
