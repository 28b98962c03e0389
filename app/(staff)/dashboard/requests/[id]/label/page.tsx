import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { format } from "@/components/format";
import { labelMessages } from "@/components/i18n/label-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { LabelPage } from "@/components/labels/label-page";
import { layoutOf } from "@/components/labels/types";
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
  return <LabelPage label={label} layout={layoutOf(search.layout)} t={t} locale={locale} backHref={back} backLabel={t.backStaff} headingClassName="text-xl font-semibold text-slate-900" />;
}
