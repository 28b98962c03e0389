import type { Metadata } from "next";
import { attributesText, dateOnly, format, variantLabel } from "@/components/format";
import { customerRead } from "@/components/h5/load";
import { ReturnWizard } from "@/components/h5/return/wizard";
import type { WizardSetup } from "@/components/h5/return/view";
import { h5Messages } from "@/components/i18n/h5-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { serverCaller } from "@/server/api/server-caller";
import { RETURN_TYPES } from "@/server/domain/vocabulary";
import { TYPE_NAMES, term } from "@/server/i18n/domain-terms";

type Params = Promise<{ orderNo: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [locale, { orderNo }] = await Promise.all([requestLocale(), params]);
  return { title: format(h5Messages(locale).wizard.pageTitle, { orderNo: decodeURIComponent(orderNo) }) };
}

/** The return form for one of the signed-in customer's orders. */
export default async function ReturnPage({ params }: { params: Params }) {
  const [locale, caller, { orderNo: raw }] = await Promise.all([requestLocale(), serverCaller(), params]);
  const orderNo = decodeURIComponent(raw);
  const signedOut = `/?order=${encodeURIComponent(orderNo)}`;
  const [data, settings] = await Promise.all([
    customerRead(() => caller.customer.returnableLines({ orderNo }), signedOut),
    caller.customer.settings(),
  ]);
  const m = h5Messages(locale);

  const setup: WizardSetup = {
    orderId: data.order.id,
    orderNo: data.order.orderNo,
    maxPhotos: settings.maxPhotos,
    typeNames: Object.fromEntries(RETURN_TYPES.map((type) => [type, term(TYPE_NAMES, type, locale)])) as WizardSetup["typeNames"],
    // Named by the API in the customer's language: reasons are rows the store manager edits.
    reasons: settings.reasons.map((r) => ({ code: r.code, photoRequired: r.photoRequired, label: r.name })),
    lines: data.lines.map((l) => ({
      id: l.id,
      title: l.title,
      attributes: attributesText(l.attributes),
      quantity: l.quantity,
      paidFen: l.paidFen,
      returnableQuantity: l.returnableQuantity,
      refundableFen: l.refundableFen,
      reason: l.reason,
      windowEnds: l.windowEndsAt ? dateOnly(l.windowEndsAt, locale) : null,
      variants: l.exchangeVariants.map((v) => ({ id: v.id, label: variantLabel(v.attributes, l.attributes) })),
    })),
  };

  return (
    <>
      <div className="mb-4">
        <h1 className="text-2xl font-semibold text-slate-900">{m.wizard.heading}</h1>
        <p className="mt-0.5 font-mono text-sm text-slate-600">{format(m.wizard.order, { orderNo: data.order.orderNo })}</p>
      </div>
      <ReturnWizard setup={setup} t={m.wizard} tp={m.photo} />
    </>
  );
}
