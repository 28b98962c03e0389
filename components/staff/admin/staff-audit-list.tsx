import type { inferRouterOutputs } from "@trpc/server";
import { dateTime } from "@/components/format";
import { adminMessages } from "@/components/i18n/admin-messages";
import { Card, CardHeader } from "@/components/ui/card";
import type { AppRouter } from "@/server/api/root";
import { ROLE_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";
import type { StaffRole } from "@/server/domain/vocabulary";

type AuditRow = inferRouterOutputs<AppRouter>["admin"]["staffAudit"][number];

/** Who changed whom, when: the newest account changes. */
export function StaffAuditList({ rows, locale }: { rows: AuditRow[]; locale: Locale }) {
  const m = adminMessages(locale).staff;
  const detail = (r: AuditRow) => {
    const d = r.details as { from?: StaffRole; to?: StaffRole; role?: StaffRole };
    if (r.action === "role" && d.from && d.to) return `${term(ROLE_NAMES, d.from, locale)} → ${term(ROLE_NAMES, d.to, locale)}`;
    if (r.action === "create" && d.role) return term(ROLE_NAMES, d.role, locale);
    return null;
  };
  return (
    <Card as="section" aria-labelledby="staff-audit" className="mt-8">
      <CardHeader id="staff-audit" title={m.auditTitle} />
      {rows.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{m.auditEmpty}</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-100">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 text-sm">
              <span className="text-slate-800">
                <span className="font-medium">{r.actorName}</span> {m.auditActions[r.action] ?? r.action}
                {r.action !== "change_password" && <span className="font-medium"> {r.targetName}</span>}
                {detail(r) && <span className="text-slate-600">{locale === "en" ? ` (${detail(r)})` : `（${detail(r)}）`}</span>}
              </span>
              <time dateTime={r.createdAt.toISOString()} className="text-xs whitespace-nowrap text-slate-600">
                {dateTime(r.createdAt, locale)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
