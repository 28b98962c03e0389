import { dateTime, yuan } from "@/components/format";
import { h5RefundMessages } from "@/components/i18n/h5-refund-messages";
import { cardClass } from "@/components/ui/card";
import type { Locale } from "@/server/i18n/locale";
import type { CustomerRequest } from "./types";

const TONE = {
  queued: "bg-sky-50 text-sky-900 ring-sky-200",
  processing: "bg-sky-50 text-sky-900 ring-sky-200",
  done: "bg-green-50 text-green-900 ring-green-200",
  being_handled: "bg-amber-50 text-amber-900 ring-amber-200",
} as const;

/**
 * Where the customer's money is: queued, processing, done (amount, how it comes back, the
 * reference to look for in their Alipay / WeChat / bank records) or being handled by us. Never
 * the gateway's failure text. Nothing before a refund was started.
 */
export function RefundCard({ req, locale }: { req: CustomerRequest; locale: Locale }) {
  const refund = req.refund;
  if (!refund) return null;
  const t = h5RefundMessages(locale);
  return (
    <section aria-labelledby="refund-heading" data-testid="customer-refund" className={cardClass({ radius: "2xl" })}>
      <h2 id="refund-heading" className="text-base font-semibold text-slate-900">
        {t.title}
      </h2>
      <p role="status" className={`mt-2 rounded-lg px-3 py-2 text-sm font-medium ring-1 ${TONE[refund.state]}`}>
        {t.states[refund.state]}
      </p>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-xs text-slate-600">{t.amount}</dt>
          <dd className="mt-0.5 font-semibold text-slate-900 tabular-nums">{yuan(refund.amountFen)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">{t.method}</dt>
          <dd className="mt-0.5 font-medium text-slate-900">{t.methods[refund.method]}</dd>
        </div>
        {refund.reference && (
          <div className="col-span-2">
            <dt className="text-xs text-slate-600">{t.reference}</dt>
            <dd className="mt-0.5 font-mono text-xs break-all text-slate-900">{refund.reference}</dd>
          </div>
        )}
        {refund.doneAt && (
          <div className="col-span-2">
            <dt className="text-xs text-slate-600">{t.doneAt}</dt>
            <dd className="mt-0.5 text-slate-900">{dateTime(new Date(refund.doneAt), locale)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
