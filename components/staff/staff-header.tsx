import { signOutAndReturnToLogin } from "@/app/actions/auth";
import { LocaleSwitch } from "@/components/i18n/locale-switch";
import { messages } from "@/components/i18n/messages";
import { QueueNav, type NavCounts } from "@/components/staff/queue/queue-nav";
import { buttonClass } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";
import { ROLE_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";
import type { AppRouter } from "@/server/api/root";
import type { inferRouterOutputs } from "@trpc/server";

type StaffMe = inferRouterOutputs<AppRouter>["staff"]["me"];

export function StaffHeader({ staff, locale, counts = null }: { staff: Pick<StaffMe, "name" | "role">; locale: Locale; counts?: NavCounts | null }) {
  const m = messages(locale);
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/85">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:px-6">
        <div className="flex items-center gap-2.5">
          <Logo className="size-8" />
          <span className="text-lg font-semibold text-slate-900">{m.app.name}</span>
          <span className="hidden text-sm text-slate-500 md:inline">{m.app.tagline}</span>
        </div>

        {/* Next to the brand on desktop; its own full-width line at the bottom on phones. */}
        <QueueNav role={staff.role} locale={locale} counts={counts} />

        <div className="ml-auto flex items-center gap-2 sm:gap-3">
          <div className="hidden text-right leading-tight sm:block">
            <div className="text-sm font-medium text-slate-900">
              <span className="sr-only">{m.dashboard.signedInAs}: </span>
              {staff.name}
            </div>
            <div className="text-xs text-slate-600">{term(ROLE_NAMES, staff.role, locale)}</div>
          </div>
          <LocaleSwitch locale={locale} />
          <form action={signOutAndReturnToLogin}>
            <button type="submit" className={buttonClass("secondary", "px-3")}>
              {m.dashboard.signOut}
            </button>
          </form>
        </div>

        {/* On phones the name and role get their own line instead of squeezing the buttons. */}
        <p className="w-full text-sm text-slate-700 sm:hidden">
          <span className="sr-only">{m.dashboard.signedInAs}: </span>
          <span className="font-medium text-slate-900">{staff.name}</span> · {term(ROLE_NAMES, staff.role, locale)}
        </p>
      </div>
    </header>
  );
}
