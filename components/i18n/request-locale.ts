import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "@/server/i18n/locale";

/**
 * The language of this request, resolved the same way as the API's (server/api/http-context.ts):
 * the `locale` cookie set by the switch, then Accept-Language, then zh-CN.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
});
