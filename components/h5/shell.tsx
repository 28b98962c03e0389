import Link from "next/link";
import type { ReactNode } from "react";
import { signOutCustomer } from "@/app/(customer)/actions";
import { h5Messages } from "@/components/i18n/h5-messages";
import { LocaleSwitch } from "@/components/i18n/locale-switch";
import { Logo } from "@/components/ui/logo";
import type { Locale } from "@/server/i18n/locale";

/** The H5 frame: a slim header (brand, language), who is verified, the page, a footer with the staff link. */
export function H5Shell({ locale, phone, children }: { locale: Locale; phone: string | null; children: ReactNode }) {
  const m = h5Messages(locale).shell;
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-xl items-center justify-between gap-3 px-4 py-1.5">
          <Link href="/" className="-ml-1 flex min-h-11 items-center gap-2 rounded-lg px-1">
            <Logo className="size-8" />
            <span className="text-base font-semibold text-slate-900">{m.title}</span>
          </Link>
          <LocaleSwitch locale={locale} />
        </div>
        {phone && (
          <div className="border-t border-slate-100 bg-slate-50">
            <div className="mx-auto flex max-w-xl items-center gap-1 px-4 text-sm text-slate-700">
              <span className="mr-auto flex min-w-0 items-center gap-1.5 whitespace-nowrap">
                <svg className="size-4 shrink-0 text-accent-700" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
                  <path fillRule="evenodd" d="M10 1.9 3.5 4.3v5.2c0 4 2.8 7.4 6.5 8.6 3.7-1.2 6.5-4.6 6.5-8.6V4.3L10 1.9Zm3.2 6.3a.8.8 0 0 0-1.2-1l-2.8 3.3-1.3-1.3a.8.8 0 1 0-1.1 1.1l1.9 1.9a.8.8 0 0 0 1.2 0l3.3-4Z" clipRule="evenodd" />
                </svg>
                <span className="sr-only">{m.signedInAs}</span>
                <span className="font-medium text-slate-900 tabular-nums">{phone}</span>
              </span>
              <Link href="/requests" className="inline-flex min-h-11 items-center rounded-lg px-2 font-medium whitespace-nowrap text-accent-700 hover:bg-slate-100">
                {m.myRequests}
              </Link>
              <Link href="/account" className="inline-flex min-h-11 items-center rounded-lg px-2 whitespace-nowrap text-slate-700 hover:bg-slate-100">
                {m.account}
              </Link>
              <form action={signOutCustomer}>
                <button type="submit" className="inline-flex min-h-11 items-center rounded-lg px-2 whitespace-nowrap text-slate-700 hover:bg-slate-100">
                  {m.signOut}
                </button>
              </form>
            </div>
          </div>
        )}
      </header>
      <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 pt-4 pb-8">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-xl items-center justify-between gap-3 px-4 py-1 text-xs text-slate-600">
          <span>{m.footer}</span>
          <Link href="/login" className="inline-flex min-h-11 shrink-0 items-center rounded-lg px-2 text-sm whitespace-nowrap text-slate-700 underline-offset-2 hover:underline">
            {m.staffLogin}
          </Link>
        </div>
      </footer>
    </div>
  );
}
