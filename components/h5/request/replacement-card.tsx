import { attributesText, format } from "@/components/format";
import { h5Messages } from "@/components/i18n/h5-messages";
import { carrierName, replacementMessages } from "@/components/i18n/replacement-messages";
import { cardClass } from "@/components/ui/card";
import type { Locale } from "@/server/i18n/locale";
import { CopyButton } from "./copy-button";
import { ConvertToRefundButton } from "./replacement-convert";
import type { CustomerRequest } from "./types";

const card = cardClass({ radius: "2xl" });

/**
 * The exchange's replacement on the customer's page (decision 030): once shipped, its carrier and
 * tracking number; before approval, the lines whose replacement is out of stock and, when the
 * policy lets the customer choose, the switch to a refund.
 */
export function ReplacementCard({ req, locale }: { req: CustomerRequest; locale: Locale }) {
  const t = replacementMessages(locale).h5;
  if (req.replacementShipment) {
    const { carrier, trackingNo } = req.replacementShipment;
    return (
      <section aria-labelledby="replacement-heading" className={`${card} ring-2 ring-green-200`} data-testid="replacement-shipped">
        <h2 id="replacement-heading" className="text-base font-semibold text-green-900">
          {t.shippedTitle}
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] items-baseline gap-x-3 gap-y-1.5 text-sm">
          <dt className="text-slate-600">{t.carrier}</dt>
          <dd className="text-slate-900">{carrierName(carrier, locale)}</dd>
          <dt className="text-slate-600">{t.trackingNo}</dt>
          <dd className="min-w-0 font-mono font-semibold break-all text-slate-900 select-all" data-testid="replacement-tracking-no">
            {trackingNo}
          </dd>
        </dl>
        {/* On its own line: the number stays whole beside its label on a 390 px phone. */}
        <div className="mt-2">
          <CopyButton text={trackingNo} label={t.copy} done={t.copied} />
        </div>
      </section>
    );
  }
  const short = req.lines.filter((l) => req.replacementShortLineIds.includes(l.id));
  if (req.type !== "exchange" || short.length === 0) return null;
  const mayConvert = req.allowedActions.includes("convert_to_refund");
  return (
    <section aria-labelledby="replacement-short-heading" className={`${card} bg-amber-50 ring-1 ring-amber-300`} data-testid="replacement-short">
      <h2 id="replacement-short-heading" className="text-base font-semibold text-amber-950">
        {t.shortTitle}
      </h2>
      <ul className="mt-1.5 space-y-0.5 text-sm text-amber-950">
        {short.map((l) => (
          <li key={l.id}>{format(t.shortLine, { title: l.title, variant: l.exchangeAttributes ? attributesText(l.exchangeAttributes) : "" })}</li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-slate-800">{mayConvert ? t.shortCustomer : t.shortStaff}</p>
      {mayConvert && <ConvertToRefundButton requestId={req.id} version={req.version} t={{ ...t, network: h5Messages(locale).actions.network }} />}
    </section>
  );
}
