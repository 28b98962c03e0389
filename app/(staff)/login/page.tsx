import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LocaleSwitch } from "@/components/i18n/locale-switch";
import { messages } from "@/components/i18n/messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { SignInForm, type DemoAccount } from "@/components/staff/sign-in-form";
import { Card } from "@/components/ui/card";
import { Logo } from "@/components/ui/logo";
import { currentStaff } from "@/server/auth/auth";
import { isDemoSms } from "@/server/env";
import { ROLE_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";
import { DEMO_PASSWORD, DEMO_STAFF } from "@/server/auth/demo-accounts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: messages(await requestLocale()).login.pageTitle };
}

/** The demo accounts are listed only in the demo set-up (embedded database, DEMO_MODE=1), never in production. */
function demoAccounts(locale: Locale): DemoAccount[] | null {
  if (!isDemoSms()) return null;
  return DEMO_STAFF.map((s) => ({ email: s.email, name: s.name, roleName: term(ROLE_NAMES, s.role, locale) }));
}

export default async function LoginPage() {
  if (await currentStaff()) redirect("/dashboard");
  const locale = await requestLocale();
  const m = messages(locale);
  const demo = demoAccounts(locale);

  return (
    <div className="grid min-h-dvh lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <aside className="relative hidden overflow-hidden bg-accent-800 px-12 py-12 text-white lg:flex lg:flex-col lg:justify-between">
        <div className="flex items-center gap-3">
          <Logo className="size-10 rounded-[10px] ring-1 ring-white/30" />
          <span className="text-xl font-semibold tracking-wide">{m.app.name}</span>
        </div>
        <div className="max-w-md">
          <p className="text-3xl leading-snug font-semibold">{m.app.tagline}</p>
          <ul className="mt-8 space-y-4 text-base text-teal-50">
            {m.login.features.map((f) => (
              <li key={f} className="flex gap-3">
                <svg className="mt-1 size-5 shrink-0 text-teal-200" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
                  <path
                    fillRule="evenodd"
                    d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z"
                    clipRule="evenodd"
                  />
                </svg>
                <span>{f}</span>
              </li>
            ))}
          </ul>
        </div>
        <p className="text-sm text-teal-100/80">{m.app.description}</p>
      </aside>

      <div className="flex flex-col">
        <header className="flex items-center justify-between gap-4 px-4 py-3 sm:px-8">
          <div className="flex items-center gap-2.5 lg:invisible">
            <Logo className="size-8" />
            <span className="text-lg font-semibold text-slate-900">{m.app.name}</span>
          </div>
          <LocaleSwitch locale={locale} />
        </header>

        <main id="main" className="flex flex-1 items-start justify-center px-4 pt-4 pb-8 sm:items-center sm:px-8">
          <div className="w-full max-w-md sm:max-w-xl">
            <Card radius="2xl" padding="lg">
              <h1 id="sign-in-heading" className="text-2xl font-semibold text-slate-900">
                {m.login.heading}
              </h1>
              <p className="mt-1.5 mb-6 text-sm text-slate-600">{m.login.intro}</p>
              <SignInForm demoAccounts={demo} demoPassword={demo ? DEMO_PASSWORD : null} />
            </Card>
          </div>
        </main>
      </div>
    </div>
  );
}
