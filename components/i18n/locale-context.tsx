"use client";

import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_LOCALE, type Locale } from "@/server/i18n/locale";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

/** Hands the request's language (resolved on the server) to client components such as error boundaries. */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
