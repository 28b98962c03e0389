import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { adminMessages } from "@/components/i18n/admin-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { ChangePasswordForm } from "@/components/staff/admin/change-password-form";
import { AccountStepPage } from "@/components/staff/auth/account-step-page";
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
    <AccountStepPage locale={locale} headingId="change-password-heading" heading={m.heading} intro={staff.mustChangePassword ? m.intro : m.voluntaryIntro}>
      <ChangePasswordForm oneTime={staff.mustChangePassword === true} />
    </AccountStepPage>
  );
}
