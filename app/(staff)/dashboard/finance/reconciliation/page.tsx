import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { reconciliationMessages } from "@/components/i18n/reconciliation-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { AdminHeading } from "@/components/staff/admin/admin-heading";
import { DayPicker } from "@/components/staff/reconciliation/day-picker";
import { Differences } from "@/components/staff/reconciliation/differences";
import { DayDownloads, RangeExport } from "@/components/staff/reconciliation/export-links";
import { RefundsTable } from "@/components/staff/reconciliation/refunds-table";
import { Totals } from "@/components/staff/reconciliation/totals";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { serverCaller } from "@/server/api/server-caller";
import { beijingDay } from "@/server/domain/reconciliation";
import { reconciliationInput } from "@/server/schemas/reconciliation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: reconciliationMessages(await requestLocale()).pageTitle };
}

/** Yesterday in Beijing: the latest day whose statement the gateways have finished. */
function yesterday(): string {
  return beijingDay(new Date(Date.now() - 86_400_000));
}

/** Finance's refund reconciliation: one day and channel against the gateway's statement. */
export default async function ReconciliationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await requestLocale();
  const m = reconciliationMessages(locale);
  const params = await searchParams;
  const asked = reconciliationInput.safeParse({ day: params.day ?? yesterday(), channel: params.channel ?? "alipay" });
  const { day, channel } = asked.success ? asked.data : { day: yesterday(), channel: "alipay" as const };

  const caller = await serverCaller();
  let view;
  let failure: string | null = null;
  try {
    view = await caller.reconciliation.day({ day, channel });
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect("/login");
    if (e instanceof TRPCError && e.code === "FORBIDDEN") {
      return (
        <EmptyState
          icon="error"
          iconTone="danger"
          headingLevel="h1"
          title={m.forbiddenTitle}
          body={m.forbiddenBody}
          action={
            <Link href="/dashboard" className={buttonClass("primary")}>
              {m.back}
            </Link>
          }
        />
      );
    }
    // The gateway's statement could not be downloaded: say so, keep the picker to try again.
    if (e instanceof TRPCError && e.code === "SERVICE_UNAVAILABLE") failure = e.message;
    else throw e;
  }

  return (
    <div className="space-y-5">
      <AdminHeading title={m.pageTitle} intro={m.intro} aside={<DayDownloads day={day} channel={channel} locale={locale} />} />
      <DayPicker day={day} channel={channel} locale={locale} />
      {failure && (
        <Alert>
          <strong className="font-semibold">{m.statementFailed}</strong>: {failure}
        </Alert>
      )}
      {view && (
        <>
          <Totals view={view} locale={locale} />
          {view.statement === "compared" ? (
            <section aria-label={m.differencesTitle}>
              <Differences view={view} locale={locale} />
            </section>
          ) : (
            <Alert tone="info" live={false}>
              {view.statement === "no_statement" ? m.noStatement : m.notConfigured}
            </Alert>
          )}
          <RefundsTable view={view} locale={locale} />
        </>
      )}
      <RangeExport day={day} channel={channel} locale={locale} />
    </div>
  );
}
