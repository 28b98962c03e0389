import { reconciliationMessages } from "@/components/i18n/reconciliation-messages";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import type { RefundChannel } from "@/server/domain/vocabulary";
import type { Locale } from "@/server/i18n/locale";

const EXPORT = "/api/staff/reconciliation-export";

/** The day's file as CSV or Excel (app/api/staff/reconciliation-export). */
export function DayDownloads({ day, channel, locale }: { day: string; channel: RefundChannel; locale: Locale }) {
  const m = reconciliationMessages(locale);
  const query = (format: string) => `${EXPORT}?${new URLSearchParams({ from: day, to: day, channel, format })}`;
  return (
    <div className="flex flex-wrap gap-2">
      <a href={query("csv")} download className={buttonClass("secondary")}>
        {m.downloadCsv}
      </a>
      <a href={query("xlsx")} download className={buttonClass("secondary")}>
        {m.downloadXlsx}
      </a>
    </div>
  );
}

/** Several days in one file: a GET form straight to the export route (the server checks the range). */
export function RangeExport({ day, channel, locale }: { day: string; channel: RefundChannel; locale: Locale }) {
  const m = reconciliationMessages(locale);
  return (
    <Card as="section" aria-labelledby="range-export">
      <CardHeader id="range-export" title={m.rangeTitle} description={m.rangeHint} />
      <form method="get" action={EXPORT} className="mt-3 flex flex-wrap items-end gap-3">
        <input type="hidden" name="channel" value={channel} />
        <Field label={m.from} className="w-full sm:w-44">
          <input type="date" name="from" defaultValue={day} required className={inputClass} />
        </Field>
        <Field label={m.to} className="w-full sm:w-44">
          <input type="date" name="to" defaultValue={day} required className={inputClass} />
        </Field>
        <Field label={m.format} className="w-full sm:w-36">
          <select name="format" defaultValue="xlsx" className={inputClass}>
            <option value="xlsx">Excel</option>
            <option value="csv">CSV</option>
          </select>
        </Field>
        <button type="submit" className={buttonClass("secondary", "w-full sm:w-auto")}>
          {m.export}
        </button>
      </form>
    </Card>
  );
}
