import type { ReactNode } from "react";
import { H5Shell } from "@/components/h5/shell";
import { requestLocale } from "@/components/i18n/request-locale";
import { serverCaller } from "@/server/api/server-caller";

/** The consumer H5 pages: phone-first, Chinese first, one column. */
export default async function CustomerLayout({ children }: { children: ReactNode }) {
  const [locale, me] = await Promise.all([requestLocale(), serverCaller().then((c) => c.customer.me())]);
  return (
    <H5Shell locale={locale} phone={me ? me.phone : null}>
      {children}
    </H5Shell>
  );
}
