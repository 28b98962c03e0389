import type { Locale } from "@/server/i18n/locale";

// The merchant and its staff work on Beijing time, and customers see the same clock: one time
// zone for everyone avoids a second clock for a laptop or phone set elsewhere.
export const TIME_ZONE = "Asia/Shanghai";

/** "11月29日 14:05" / "Nov 29, 14:05". */
export function dateTime(d: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE }).format(d);
}

/** "11月29日" / "Nov 29". */
export function dateOnly(d: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: TIME_ZONE }).format(d);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "in 2 days" / "3 小时后"; past times come out as "… ago". The largest whole unit wins. */
export function relative(d: Date, now: Date, locale: Locale): string {
  const diff = d.getTime() - now.getTime();
  const [unit, ms] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? ["minute", 60_000];
  return new Intl.RelativeTimeFormat(locale, { numeric: "always" }).format(Math.trunc(diff / ms), unit);
}

export interface DeadlineView {
  iso: string;
  absolute: string;
  relative: string;
  overdue: boolean;
  /** Less than a day left. */
  soon: boolean;
}

// Days only from two days out: "in 1 day" for something due in 47 hours hides the urgency.
function deadlineUnit(absMs: number): [Intl.RelativeTimeFormatUnit, number] {
  if (absMs >= 2 * 86_400_000) return ["day", 86_400_000];
  if (absMs >= 3_600_000) return ["hour", 3_600_000];
  return ["minute", 60_000];
}

/** Everything a staff deadline cell shows: when, how long from now, and whether it is late or close. */
export function deadlineView(deadline: Date | null, now: Date, locale: Locale): DeadlineView | null {
  if (!deadline) return null;
  const diff = deadline.getTime() - now.getTime();
  const [unit, ms] = deadlineUnit(Math.abs(diff));
  return {
    iso: deadline.toISOString(),
    absolute: dateTime(deadline, locale),
    relative: new Intl.RelativeTimeFormat(locale, { numeric: "always", style: "long" }).format(Math.trunc(diff / ms), unit),
    overdue: diff < 0,
    soon: diff >= 0 && diff < 86_400_000,
  };
}
