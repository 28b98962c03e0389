import { format } from "@/components/format";
import { messages } from "@/components/i18n/messages";
import { queueMessages } from "@/components/i18n/queue-messages";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { queueStatuses } from "@/server/domain/state-machine";
import { CHANNEL_CODES, RETURN_STATUSES, RETURN_TYPES, TERMINAL_STATUSES, type StaffRole } from "@/server/domain/vocabulary";
import { STATUS_NAMES, TYPE_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";
import type { QueueFilters as Filters } from "@/server/schemas/queue";
import { activeFilterCount } from "./search-params";

const labelClass = "block text-sm font-medium text-slate-800";

/**
 * Search box and filters as one GET form: submitting writes them into the URL, so the list is
 * shareable, survives a reload and works before any JavaScript has loaded.
 */
export function QueueFilters({ filters, role, locale }: { filters: Filters; role: StaffRole; locale: Locale }) {
  const t = queueMessages(locale);
  const channels = messages(locale).channels;
  const statuses = role === "admin" ? (filters.allStatuses ? RETURN_STATUSES : RETURN_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s))) : queueStatuses(role);
  const active = activeFilterCount(filters);
  const yuan = (fen?: number) => (fen === undefined ? undefined : (fen / 100).toString());

  return (
    <form method="get" action="/dashboard" role="search" aria-label={t.searchLabel} className="mb-4 space-y-3">
      <div className="flex flex-wrap gap-2">
        <label htmlFor="queue-q" className="sr-only">
          {t.searchLabel}
        </label>
        <input id="queue-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t.searchPlaceholder} maxLength={40} className={`${inputClass} min-w-0 flex-1 basis-72`} />
        <button type="submit" className={buttonClass("primary")}>
          {t.searchButton}
        </button>
      </div>
      <details open={active > 0} className="group rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-4 text-sm font-semibold text-slate-800 select-none">
          <svg className="size-4 transition-transform group-open:rotate-90" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
            <path d="M7 5l6 5-6 5V5z" />
          </svg>
          {active > 0 ? format(t.filtersActive, { count: active }) : t.filters}
        </summary>
        <div className="grid grid-cols-1 gap-4 border-t border-slate-100 px-4 py-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="space-y-1.5">
            <label htmlFor="f-status" className={labelClass}>{t.status}</label>
            <select id="f-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
              <option value="">{t.any}</option>
              {statuses.map((s) => (
                <option key={s} value={s}>{term(STATUS_NAMES, s, locale)}</option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="f-type" className={labelClass}>{t.type}</label>
            <select id="f-type" name="type" defaultValue={filters.type ?? ""} className={inputClass}>
              <option value="">{t.any}</option>
              {RETURN_TYPES.map((s) => (
                <option key={s} value={s}>{term(TYPE_NAMES, s, locale)}</option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="f-channel" className={labelClass}>{t.channel}</label>
            <select id="f-channel" name="channel" defaultValue={filters.channel ?? ""} className={inputClass}>
              <option value="">{t.any}</option>
              {CHANNEL_CODES.map((c) => (
                <option key={c} value={c}>{channels[c]}</option>
              ))}
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="f-holder" className={labelClass}>{t.holder}</label>
            <select id="f-holder" name="holder" defaultValue={filters.holder === "me" || filters.holder === "nobody" ? filters.holder : ""} className={inputClass}>
              <option value="">{t.any}</option>
              <option value="me">{t.holderMe}</option>
              <option value="nobody">{t.holderNobody}</option>
            </select>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="f-min" className={labelClass}>{t.minYuan}</label>
            <input id="f-min" name="min" inputMode="decimal" pattern="\d+(\.\d{1,2})?" defaultValue={yuan(filters.minFen)} className={inputClass} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="f-max" className={labelClass}>{t.maxYuan}</label>
            <input id="f-max" name="max" inputMode="decimal" pattern="\d+(\.\d{1,2})?" defaultValue={yuan(filters.maxFen)} className={inputClass} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="f-from" className={labelClass}>{t.from}</label>
            <input id="f-from" name="from" type="date" defaultValue={filters.from} className={inputClass} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="f-to" className={labelClass}>{t.to}</label>
            <input id="f-to" name="to" type="date" defaultValue={filters.to} className={inputClass} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="f-category" className={labelClass}>{t.category}</label>
            <input id="f-category" name="category" defaultValue={filters.category} maxLength={40} className={inputClass} />
          </div>
          <div className="flex flex-col justify-end gap-2 text-sm text-slate-800">
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} className="size-4 accent-accent-700" />
              {t.overdueOnly}
            </label>
            {role === "finance" && (
              <label className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="attention" value="1" defaultChecked={filters.attention} className="size-4 accent-accent-700" />
                {t.attentionOnly}
              </label>
            )}
            {role === "admin" && (
              <label className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="allStatuses" value="1" defaultChecked={filters.allStatuses} className="size-4 accent-accent-700" />
                {t.allStatuses}
              </label>
            )}
          </div>
          <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-2 lg:justify-end">
            <a href="/dashboard" className={buttonClass("ghost")}>
              {t.clear}
            </a>
            <button type="submit" className={buttonClass("primary")}>
              {t.apply}
            </button>
          </div>
        </div>
      </details>
    </form>
  );
}
