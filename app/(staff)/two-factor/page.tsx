import type { Metadata } from "next";
import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { signOutAndReturnToLogin } from "@/app/actions/auth";
import { requestLocale } from "@/components/i18n/request-locale";
import { AccountStepPage } from "@/components/staff/auth/account-step-page";
import { CodeForm } from "@/components/staff/auth/code-form";
import { EnrollForm } from "@/components/staff/auth/enroll-form";
import { twoFactorMessages } from "@/components/staff/auth/two-factor-messages";
import { currentStaff } from "@/server/auth/auth";
import { demoSecondFactorCode, enrollDemoSecondFactor } from "@/server/auth/demo-second-factor";
import { ROLES_REQUIRING_SECOND_FACTOR, pendingEnrollment } from "@/server/auth/second-factor";
import { appDb } from "@/server/db";
import { isDemoSms } from "@/server/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: twoFactorMessages(await requestLocale()).pageTitle };
}

/**
 * The second factor after the password (ADR 019): enrollment for finance/admin without an
 * authenticator (or anyone who opens /two-factor?setup=1), else the code step. Like
 * /change-password it sits outside /dashboard, whose layout sends pending sessions here.
 */
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ setup?: string }> }) {
  const [staff, locale, params] = await Promise.all([currentStaff(), requestLocale(), searchParams]);
  if (!staff) redirect("/login");
  if (staff.mustChangePassword) redirect("/change-password");
  const m = twoFactorMessages(locale);
  const demo = isDemoSms();

  let mode = staff.secondFactorPending;
  // Demo mode only: a demo finance/admin account gets the published demo secret instead of enrolling.
  if (mode === "enroll" && demo && (await enrollDemoSecondFactor(appDb(), staff))) mode = "verify";
  const enrollment = mode === "enroll" || (!mode && params.setup === "1") ? await pendingEnrollment(appDb(), staff.id) : null;
  if (!mode && !enrollment) redirect("/dashboard");
  const demoCode = mode === "verify" && demo ? await demoSecondFactorCode(staff.email) : null;

  return (
    <AccountStepPage
      locale={locale}
      headingId="two-factor-heading"
      heading={enrollment ? m.enrollHeading : m.verifyHeading}
      intro={enrollment ? (ROLES_REQUIRING_SECOND_FACTOR.includes(staff.role) ? m.enrollRequired : m.enrollOptional) : m.verifyIntro}
      wide
    >
      {demoCode && (
        <p className="mb-5 rounded-lg border border-dashed border-accent-600/40 bg-accent-50/60 px-3 py-2.5 text-sm text-slate-800">
          {m.demoCode}
          <code data-testid="demo-totp-code" className="font-mono text-base font-semibold tracking-widest text-slate-900">
            {demoCode}
          </code>
          <span className="text-slate-600">{m.demoCodeNote}</span>
        </p>
      )}
      {enrollment ? <EnrollForm secret={enrollment.secret} qrDataUrl={await QRCode.toDataURL(enrollment.uri, { margin: 1, width: 352 })} /> : <CodeForm />}
      <form action={signOutAndReturnToLogin} className="mt-4 text-center">
        <button type="submit" className="min-h-11 text-sm text-slate-600 underline-offset-2 hover:underline">
          {m.signOut}
        </button>
      </form>
    </AccountStepPage>
  );
}
