import { formatYuan } from "@/server/domain/money";
import type { Locale } from "@/server/i18n/locale";

/** ¥1,299.00 from fen: formatYuan does the arithmetic, only digit grouping is added. */
export function yuan(fen: number): string {
  const [whole = "0", cents = "00"] = formatYuan(fen).split(".");
  return `¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}

// The merchant works on Beijing time; customers see the same clock as the staff.
const TIME_ZONE = "Asia/Shanghai";

export function dateTime(d: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE }).format(d);
}

export function dateOnly(d: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: TIME_ZONE }).format(d);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "in 2 days" / "3 小时后"; past deadlines come out as "… ago". */
export function relative(d: Date, now: Date, locale: Locale): string {
  const diff = d.getTime() - now.getTime();
  const [unit, ms] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? ["minute", 60_000];
  return new Intl.RelativeTimeFormat(locale, { numeric: "always" }).format(Math.trunc(diff / ms), unit);
}

/** {"颜色":"黑色","尺码":"M"} → "黑色 · M". */
export function attributesText(attributes: Record<string, string>): string {
  return Object.values(attributes).join(" · ");
}

/**
 * How a variant differs from what was bought: {"颜色":"白色","尺码":"L"} against M → "尺码 L".
 * All of its attributes when nothing differs.
 */
export function variantLabel(variant: Record<string, string>, bought: Record<string, string>): string {
  const differing = Object.entries(variant).filter(([k, v]) => bought[k] !== v);
  return (differing.length ? differing : Object.entries(variant)).map(([k, v]) => `${k} ${v}`).join(" · ");
}

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
