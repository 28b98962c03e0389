import { format } from "@/components/format";
import { messages } from "@/components/i18n/messages";
import { notificationsMessages } from "@/components/i18n/notifications-messages";
import { queueMessages } from "@/components/i18n/queue-messages";
import { reconciliationMessages } from "@/components/i18n/reconciliation-messages";
import { warehouseMessages } from "@/components/i18n/warehouse-messages";
import type { StaffRole } from "@/server/domain/vocabulary";
import type { Locale } from "@/server/i18n/locale";

export interface NavCounts {
  total: number;
  overdue: number;
  dueSoon: number;
  /** Finance: refunds needing attention (failed, closed, abnormal, stuck, overdue); null for the other roles. */
  attention?: number | null;
}

const linkClass =
  "inline-flex min-h-11 items-center gap-2 rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-accent-600";

/** The role's queue with its count (and how many are overdue); the scan station; the store manager's admin pages. */
export function QueueNav({ role, locale, counts }: { role: StaffRole; locale: Locale; counts: NavCounts | null }) {
  const t = queueMessages(locale);
  const title = messages(locale).dashboard.queueTitle[role];
  const admin = [
    { href: "/dashboard/admin/staff", label: t.navStaff },
    { href: "/dashboard/admin/policy", label: t.navPolicy },
    { href: "/dashboard/admin/reasons", label: t.navReasons },
    { href: "/dashboard/admin/warehouses", label: t.navWarehouses },
    { href: "/dashboard/admin/data-requests", label: t.navDataRequests },
    { href: "/dashboard/admin/notifications", label: notificationsMessages(locale).nav },
  ];
  return (
    <nav aria-label={t.navLabel} className="order-last -mx-3 flex w-full flex-wrap items-center gap-1 sm:order-none sm:mx-0 sm:w-auto">
      <a href="/dashboard" className={linkClass}>
        {title}
        {counts && (
          <>
            <span className="rounded-full bg-accent-50 px-2 py-0.5 text-xs font-semibold text-accent-800 tabular-nums ring-1 ring-accent-100">{counts.total}</span>
            {counts.overdue > 0 && (
              <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800 tabular-nums ring-1 ring-red-200">
                {counts.overdue} {t.overdue}
              </span>
            )}
            <span className="sr-only">{format(t.countsLabel, { total: counts.total, overdue: counts.overdue, dueSoon: counts.dueSoon })}</span>
          </>
        )}
      </a>
      {!!counts?.attention && (
        <a href="/dashboard?attention=1" className={linkClass}>
          <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-800 tabular-nums ring-1 ring-amber-200">
            {counts.attention} {t.attention}
          </span>
        </a>
      )}
      {(role === "warehouse" || role === "admin") && (
        <>
          <a href="/dashboard/warehouse" className={linkClass}>
            {warehouseMessages(locale).nav}
          </a>
          <a href="/dashboard/warehouse/unmatched" className={linkClass}>
            {warehouseMessages(locale).navUnmatched}
          </a>
        </>
      )}
      {(role === "finance" || role === "admin") && (
        <a href="/dashboard/finance/reconciliation" className={linkClass}>
          {reconciliationMessages(locale).nav}
        </a>
      )}
      {role === "admin" &&
        admin.map((l) => (
          <a key={l.href} href={l.href} className={linkClass}>
            {l.label}
          </a>
        ))}
    </nav>
  );
}
