import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { adminMessages } from "@/components/i18n/admin-messages";
import { LocaleSwitch } from "@/components/i18n/locale-switch";
import { requestLocale } from "@/components/i18n/request-locale";
import { ChangePasswordForm } from "@/components/staff/admin/change-password-form";
import { Logo } from "@/components/ui/logo";
import { currentStaff } from "@/server/auth/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages(await requestLocale()).password.pageTitle };
}

/**
 * Where a user signed in with a one-time password is sent (dashboard layout), and where anyone
 * may change their password. Outside /dashboard so that layout's redirect does not loop.
 */
export default async function ChangePasswordPage() {
  const [staff, locale] = await Promise.all([currentStaff(), requestLocale()]);
  if (!staff) redirect("/login");
  if (staff.secondFactorPending && !staff.mustChangePassword) redirect("/two-factor");
  const m = adminMessages(locale).password;
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between gap-4 px-4 py-3 sm:px-8">
        <Logo className="size-8" />
        <LocaleSwitch locale={locale} />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-4 pb-8 sm:items-center sm:px-8">
        <div className="w-full max-w-md rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
          <h1 id="change-password-heading" className="text-2xl font-semibold text-slate-900">
            {m.heading}
          </h1>
          <p className="mt-1.5 mb-6 text-sm text-slate-600">{staff.mustChangePassword ? m.intro : m.voluntaryIntro}</p>
          <ChangePasswordForm oneTime={staff.mustChangePassword === true} />
        </div>
      </main>
    </div>
  );
}
