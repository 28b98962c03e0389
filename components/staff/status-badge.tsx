import type { ReturnStatus } from "@/server/domain/vocabulary";
import { STATUS_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";

// Tones group statuses by who acts next; the text always carries the meaning, colour only helps scanning.
const TONE: Record<ReturnStatus, string> = {
  pending_cs_review: "bg-amber-50 text-amber-800 ring-amber-200",
  pending_ops_review: "bg-amber-50 text-amber-800 ring-amber-200",
  needs_info: "bg-sky-50 text-sky-800 ring-sky-200",
  awaiting_shipment: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  in_transit: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  inspection_mismatch: "bg-rose-50 text-rose-800 ring-rose-200",
  pending_refund_approval: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  pending_refund: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  refunding: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  pending_replacement: "bg-violet-50 text-violet-800 ring-violet-200",
  rejected: "bg-slate-100 text-slate-700 ring-slate-200",
  completed: "bg-green-50 text-green-800 ring-green-200",
  cancelled: "bg-slate-100 text-slate-700 ring-slate-200",
  closed: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function StatusBadge({ status, locale }: { status: ReturnStatus; locale: Locale }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONE[status]}`}>
      {term(STATUS_NAMES, status, locale)}
    </span>
  );
}
