import { queueMessages } from "@/components/i18n/queue-messages";
import { buttonClass } from "@/components/ui/button";
import { mayReveal } from "@/server/domain/read-access";
import type { StaffRole } from "@/server/domain/vocabulary";
import type { Locale } from "@/server/i18n/locale";
import type { QueueFilters } from "@/server/schemas/queue";
import { searchFromFilters } from "./search-params";

/**
 * Download links for the queue as filtered (app/api/staff/queue-export): phones masked, and for
 * a role that may reveal phones a second link with them in full (each one recorded).
 */
export function QueueExport({ filters, role, locale }: { filters: QueueFilters; role: StaffRole; locale: Locale }) {
  const t = queueMessages(locale);
  const query = searchFromFilters(filters);
  const full = query ? `${query}&phones=full` : "?phones=full";
  return (
    <div className="flex flex-wrap gap-2">
      <a href={`/api/staff/queue-export${query}`} download className={buttonClass("secondary")} title={t.exportCsvTitle}>
        {t.exportCsv}
      </a>
      {mayReveal(role, "phone") && (
        <a href={`/api/staff/queue-export${full}`} download className={buttonClass("ghost")} title={t.exportFullPhonesTitle}>
          {t.exportFullPhones}
        </a>
      )}
    </div>
  );
}
