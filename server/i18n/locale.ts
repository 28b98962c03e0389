export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "locale";

/** Cookie first (the user's explicit switch), then Accept-Language, then zh-CN. */
export function resolveLocale(cookieValue: string | undefined | null, acceptLanguage?: string | null): Locale {
  if (cookieValue === "en" || cookieValue === "zh-CN") return cookieValue;
  if (acceptLanguage && /^\s*en\b/i.test(acceptLanguage)) return "en";
  return DEFAULT_LOCALE;
}

export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
