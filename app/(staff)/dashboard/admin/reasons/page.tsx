import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { reasonsMessages } from "@/components/i18n/reasons-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { ReasonList } from "@/components/staff/admin-reasons/reason-list";
import { Alert } from "@/components/ui/alert";
import { serverCaller } from "@/server/api/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: reasonsMessages(await requestLocale()).pageTitle };
}

/** The store manager's reason editor: customer reasons and rejection reasons, read through the API's own role check. */
export default async function ReasonsPage() {
  const [locale, caller] = await Promise.all([requestLocale(), serverCaller()]);
  const t = reasonsMessages(locale);
  const me = await caller.staff.me().catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect("/login");
    throw e;
  });

  return (
    <>
      <div className="mb-5">
        <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t.heading}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t.intro}</p>
      </div>
      {me.role !== "admin" ? (
        <Alert tone="info" live={false}>
          {t.notAllowed}
        </Alert>
      ) : (
        <ReasonLists locale={locale} />
      )}
    </>
  );
}

async function ReasonLists({ locale }: { locale: Awaited<ReturnType<typeof requestLocale>> }) {
  const caller = await serverCaller();
  const t = reasonsMessages(locale);
  const [customer, rejection] = await Promise.all([caller.reasons.list({ kind: "customer" }), caller.reasons.list({ kind: "rejection" })]);
  return (
    <div className="grid gap-6 xl:grid-cols-2 xl:items-start">
      <ReasonList kind="customer" rows={customer} locale={locale} t={t} />
      <ReasonList kind="rejection" rows={rejection} locale={locale} t={t} />
    </div>
  );
}
