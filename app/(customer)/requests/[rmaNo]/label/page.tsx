import type { Metadata } from "next";
import Link from "next/link";
import { format } from "@/components/format";
import { customerRead } from "@/components/h5/load";
import { labelMessages } from "@/components/i18n/label-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { LabelToolbar } from "@/components/labels/label-toolbar";
import { ReturnSlip } from "@/components/labels/return-slip";
import { layoutOf } from "@/components/labels/types";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
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

  if (label.refusal) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold text-slate-900">{t.heading}</h1>
        <Alert tone="info" live={false}>
          <p className="font-semibold">{t.refusal.title}</p>
          <p className="mt-0.5" data-testid="label-refusal">
            {t.refusal[label.refusal]}
          </p>
        </Alert>
        <Link href={back} className={buttonClass("secondary")}>
          {t.back}
        </Link>
      </div>
    );
  }

  return (
    <div>
      <h1 className="sr-only">{t.heading}</h1>
      <LabelToolbar layout={layout} basePath={`${back}/label`} backHref={back} backLabel={t.back} t={t} />
      <ReturnSlip label={label} layout={layout} t={t} locale={locale} />
    </div>
  );
}
