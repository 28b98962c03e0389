"use client";

import { useRouter } from "next/navigation";
import { useLocale } from "@/components/i18n/locale-context";
import { notificationsMessages } from "@/components/i18n/notifications-messages";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, deliveryFiltersHref, type DeliveryFilters as Filters } from "./delivery-view";

const labelClass = "block text-sm font-medium text-slate-800";

/**
 * Channel and status as a GET form: a change goes straight into the URL (the list follows it),
 * and without JavaScript the button submits the same form.
 */
export function DeliveryFilters({ filters }: { filters: Filters }) {
  const t = notificationsMessages(useLocale());
  const router = useRouter();
  const go = (next: Filters) => router.replace(deliveryFiltersHref(next), { scroll: false });
  return (
    <form method="get" role="search" aria-label={t.sent.filtersLabel} className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-36 flex-1 space-y-1.5 sm:flex-none">
        <label htmlFor="delivery-channel" className={labelClass}>
          {t.sent.channel}
        </label>
        <select id="delivery-channel" name="channel" value={filters.channel ?? ""} onChange={(e) => go({ ...filters, channel: (e.target.value || undefined) as Filters["channel"] })} className={inputClass}>
          <option value="">{t.sent.any}</option>
          {DELIVERY_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t.channels[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-36 flex-1 space-y-1.5 sm:flex-none">
        <label htmlFor="delivery-status" className={labelClass}>
          {t.sent.status}
        </label>
        <select id="delivery-status" name="status" value={filters.status ?? ""} onChange={(e) => go({ ...filters, status: (e.target.value || undefined) as Filters["status"] })} className={inputClass}>
          <option value="">{t.sent.any}</option>
          {DELIVERY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.statuses[s]}
            </option>
          ))}
        </select>
      </div>
      <noscript>
        <button type="submit" className={buttonClass("secondary")}>
          {t.sent.filtersLabel}
        </button>
      </noscript>
    </form>
  );
}
