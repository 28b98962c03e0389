import type { ReactNode } from "react";
import { LocaleSwitch } from "@/components/i18n/locale-switch";
import type { Locale } from "@/server/i18n/locale";
import { Logo } from "@/components/ui/logo";

/**
 * The frame of the steps between the password and the dashboard (/change-password,
 * /two-factor): logo and language switch, one centred card with its heading and intro.
 */
export function AccountStepPage({ locale, headingId, heading, intro, wide = false, children }: {
  locale: Locale;
  headingId: string;
  heading: string;
  intro: string;
  /** The authenticator enrollment needs room for its QR code and key. */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between gap-4 px-4 py-3 sm:px-8">
        <Logo className="size-8" />
        <LocaleSwitch locale={locale} />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-4 pb-8 sm:items-center sm:px-8">
        <div className={`w-full max-w-md rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8${wide ? " sm:max-w-lg" : ""}`}>
          <h1 id={headingId} className="text-2xl font-semibold text-slate-900">
            {heading}
          </h1>
          <p className="mt-1.5 mb-6 text-sm text-slate-600">{intro}</p>
          {children}
        </div>
      </main>
    </div>
  );
}
