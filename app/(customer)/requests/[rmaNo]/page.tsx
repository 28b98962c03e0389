import Link from "next/link";
import type { Metadata } from "next";
import { format } from "@/components/format";
import { customerRead } from "@/components/h5/load";
import { RefundCard } from "@/components/h5/request/refund-card";
import { ReplacementCard } from "@/components/h5/request/replacement-card";
import { RequestActions } from "@/components/h5/request/request-actions";
import { NextSteps, RequestItems, RmaCard, StageList, Timeline } from "@/components/h5/request/request-view";
import { h5Messages } from "@/components/i18n/h5-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { Alert } from "@/components/ui/alert";
import { serverCaller } from "@/server/api/server-caller";
import { CARRIERS } from "@/server/schemas/customer";

type Params = Promise<{ rmaNo: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [locale, { rmaNo }] = await Promise.all([requestLocale(), params]);
  return { title: format(h5Messages(locale).request.pageTitle, { rmaNo: decodeURIComponent(rmaNo).toUpperCase() }) };
}

/** One request: RMA + QR, what happens next, progress, history, and what the customer can do. */
export default async function RequestPage({ params, searchParams }: { params: Params; searchParams: Promise<{ new?: string }> }) {
  const [locale, caller, { rmaNo }, search] = await Promise.all([requestLocale(), serverCaller(), params, searchParams]);
  const req = await customerRead(() => caller.customer.request({ rmaNo: decodeURIComponent(rmaNo) }), "/?tab=requests");
  const { maxPhotos } = await caller.customer.settings();
  const m = h5Messages(locale);
  const now = new Date();
  const customerActions = req.allowedActions;

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">{m.request.heading}</h1>
        <Link href="/requests" className="inline-flex min-h-11 items-center rounded-lg px-2 text-sm font-medium text-accent-700 hover:bg-slate-100">
          {m.shell.myRequests}
        </Link>
      </div>
      {search.new === "1" && (
        <Alert tone="success" live>
          <p className="font-semibold">{m.request.submitted}</p>
          <p className="mt-0.5">{m.request.submittedBody}</p>
        </Alert>
      )}
      <RmaCard req={req} m={m} locale={locale} now={now} />
      <RefundCard req={req} locale={locale} />
      <ReplacementCard req={req} locale={locale} />
      <NextSteps req={req} m={m} locale={locale} />
      {customerActions.length > 0 && (
        <RequestActions
          requestId={req.id}
          version={req.version}
          allowed={customerActions}
          maxPhotos={maxPhotos}
          carriers={CARRIERS}
          t={m.actions}
          tp={{ ...m.photo, add: m.wizard.photos.add, count: m.wizard.photos.count }}
        />
      )}
      <StageList req={req} m={m} />
      <Timeline req={req} m={m} locale={locale} />
      <RequestItems req={req} m={m} locale={locale} />
    </div>
  );
}
