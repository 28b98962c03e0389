import { adminMessages } from "@/components/i18n/admin-messages";
import type { Stage } from "@/server/domain/vocabulary";
import type { Locale } from "@/server/i18n/locale";

/** A route as its steps in order: 客服审核 → 运营复核 → 退款. */
export function RouteStages({ stages, locale, changed }: { stages: Stage[]; locale: Locale; changed?: readonly Stage[] }) {
  const names = adminMessages(locale).stages;
  return (
    <ol className="flex flex-wrap items-center gap-1 text-sm">
      {stages.map((s, i) => (
        <li key={s} className="flex items-center gap-1">
          {i > 0 && <span aria-hidden="true" className="text-slate-400">→</span>}
          <span className={`rounded px-1.5 py-0.5 ${changed && !changed.includes(s) ? "bg-amber-100 font-semibold text-amber-900" : "bg-slate-100 text-slate-800"}`}>{names[s]}</span>
        </li>
      ))}
    </ol>
  );
}
