import { reconciliationMessages } from "@/components/i18n/reconciliation-messages";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { REFUND_CHANNELS, type RefundChannel } from "@/server/domain/vocabulary";
import type { Locale } from "@/server/i18n/locale";
import { REFUND_CHANNEL_NAMES } from "@/server/i18n/reconciliation-terms";

/** Day and channel as a plain GET form: the choice lives in the URL, so a link reproduces the view. */
export function DayPicker({ day, channel, locale }: { day: string; channel: RefundChannel; locale: Locale }) {
  const m = reconciliationMessages(locale);
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      <Field label={m.day} className="w-full sm:w-48">
        <input type="date" name="day" defaultValue={day} required className={inputClass} />
      </Field>
      <Field label={m.channel} className="w-full sm:w-48">
        <select name="channel" defaultValue={channel} className={inputClass}>
          {REFUND_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {REFUND_CHANNEL_NAMES[c][locale]}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className={buttonClass("primary", "w-full sm:w-auto")}>
        {m.show}
      </button>
    </form>
  );
}
