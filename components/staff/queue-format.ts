import { formatYuan } from "@/server/domain/money";
import type { Locale } from "@/server/i18n/locale";

/** ¥1,299.00: formatYuan does the fen → yuan arithmetic; only digit grouping is added here. */
export function yuan(fen: number): string {
  const [whole = "0", cents = "00"] = formatYuan(fen).split(".");
  return `¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}

// Merchants and their staff work on Beijing time; showing it explicitly avoids a second clock
// for anyone whose laptop is set elsewhere.
const TIME_ZONE = "Asia/Shanghai";

export interface DeadlineView {
  iso: string;
  absolute: string;
  relative: string;
  overdue: boolean;
  /** Less than a day left. */
  soon: boolean;
}

// Days only from two days out: "in 1 day" for something due in 47 hours hides the urgency.
function relativeUnit(absMs: number): [Intl.RelativeTimeFormatUnit, number] {
  if (absMs >= 2 * 86_400_000) return ["day", 86_400_000];
  if (absMs >= 3_600_000) return ["hour", 3_600_000];
  return ["minute", 60_000];
}

export function deadlineView(deadline: Date | null, now: Date, locale: Locale): DeadlineView | null {
  if (!deadline) return null;
  const diff = deadline.getTime() - now.getTime();
  const abs = Math.abs(diff);
  const [unit, ms] = relativeUnit(abs);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "always", style: "long" });
  const absolute = new Intl.DateTimeFormat(locale, {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: TIME_ZONE,
  }).format(deadline);
  return {
    iso: deadline.toISOString(),
    absolute,
    relative: rtf.format(Math.trunc(diff / ms), unit),
    overdue: diff < 0,
    soon: diff >= 0 && diff < 86_400_000,
  };
}
