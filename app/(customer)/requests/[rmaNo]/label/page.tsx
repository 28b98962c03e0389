import type { Metadata } from "next";
import { format } from "@/components/format";
import { customerRead } from "@/components/h5/load";
import { labelMessages } from "@/components/i18n/label-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { LabelPage } from "@/components/labels/label-page";
import { layoutOf } from "@/components/labels/types";
import { serverCaller } from "@/server/api/server-caller";

type Params = Promise<{ rmaNo: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [locale, { rmaNo }] = await Promise.all([requestLocale(), params]);
  return { title: format(labelMessages(locale).pageTitle, { rmaNo: decodeURIComponent(rmaNo).toUpperCase() }) };
}

/**
 * The customer's return slip: their own request only, with the same session check as the
 * tracking page (someone else's RMA is "not found"); printable once approved for shipping.
 */
export default async function CustomerLabelPage({ params, searchParams }: { params: Params; searchParams: Promise<{ layout?: string }> }) {
  const [locale, caller, { rmaNo }, search] = await Promise.all([requestLocale(), serverCaller(), params, searchParams]);
  const rma = decodeURIComponent(rmaNo);
  const label = await customerRead(() => caller.customer.returnLabel({ rmaNo: rma }), `/?tab=requests`);
  const t = labelMessages(locale);
  const layout = layoutOf(search.layout);
  const back = `/requests/${encodeURIComponent(label.rmaNo)}`;

  return <LabelPage label={label} layout={layout} t={t} locale={locale} backHref={back} backLabel={t.back} headingClassName="text-2xl font-semibold text-slate-900" />;
}
