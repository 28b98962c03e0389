"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE, LOCALES, type Locale } from "@/server/i18n/locale";

const ONE_YEAR = 365 * 24 * 3600;

/**
 * The language switch. Setting a cookie in a Server Action re-renders the current page, so the
 * switch works as a plain form (no client JavaScript needed) and every page, and the API, read it.
 */
export async function setLocale(formData: FormData): Promise<void> {
  const value = formData.get("locale");
  if (!LOCALES.includes(value as Locale)) return;
  (await cookies()).set(LOCALE_COOKIE, value as Locale, { path: "/", maxAge: ONE_YEAR, sameSite: "lax" });
}
