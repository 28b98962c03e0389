/**
 * Alipay writes times as Beijing wall-clock text, "yyyy-MM-dd HH:mm:ss" (notifications sometimes
 * add ".S"), and days as "yyyy-MM-dd". China has had no daylight saving time since 1991, so
 * Beijing is UTC+8 all year.
 */
const OFFSET_MS = 8 * 3600_000;

export function parseBeijingTime(text: string | undefined | null): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec((text ?? "").trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number((ms ?? "0").padEnd(3, "0")));
  return Number.isFinite(utc) ? new Date(utc - OFFSET_MS) : null;
}

/** "yyyy-MM-dd HH:mm:ss" in Beijing time. */
export function formatBeijingTime(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** The Beijing calendar day ("yyyy-MM-dd") an instant falls on. */
export function beijingDay(at: Date): string {
  return formatBeijingTime(at).slice(0, 10);
}
