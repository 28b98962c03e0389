import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { format } from "@/components/format";
import { labelMessages } from "@/components/i18n/label-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { LabelToolbar } from "@/components/labels/label-toolbar";
import { ReturnSlip } from "@/components/labels/return-slip";
import { layoutOf } from "@/components/labels/types";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { serverCaller } from "@/server/api/server-caller";

/** Through tRPC, so the read rules decide: a request the role may not open is "not found". */
const loadLabel = cache(async (id: string) => {
  const caller = await serverCaller();
  try {
    return await caller.staff.returnLabel({ id });
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect("/login");
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, locale] = await Promise.all([params, requestLocale()]);
  const label = await loadLabel(id);
  return { title: format(labelMessages(locale).pageTitle, { rmaNo: label.rmaNo }) };
}

/** The return slip for staff (e.g. a parcel that arrived without one), A6 label or A4 sheet. */
export default async function StaffLabelPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ layout?: string }> }) {
  const [{ id }, locale, search] = await Promise.all([params, requestLocale(), searchParams]);
  const label = await loadLabel(id);
  const t = labelMessages(locale);
  const back = `/dashboard/requests/${label.requestId}`;
  if (label.refusal) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold text-slate-900">{t.heading}</h1>
        <Alert tone="info" live={false}>
          <p className="font-semibold">{t.refusal.title}</p>
          <p className="mt-0.5" data-testid="label-refusal">
            {t.refusal[label.refusal]}
          </p>
        </Alert>
        <Link href={back} className={buttonClass("secondary")}>
          {t.backStaff}
        </Link>
      </div>
    );
  }
  const layout = layoutOf(search.layout);
  return (
    <div>
      <h1 className="sr-only">{t.heading}</h1>
      <LabelToolbar layout={layout} basePath={`${back}/label`} backHref={back} backLabel={t.backStaff} t={t} />
      <ReturnSlip label={label} layout={layout} t={t} locale={locale} />
    </div>
  );
}
