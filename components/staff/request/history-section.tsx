import { dateOnly, format, yuan } from "@/components/format";
import { requestMessages, type RequestMessages } from "@/components/i18n/request-messages";
import { StatusBadge } from "@/components/request-views/status-badge";
import { Badge } from "@/components/ui/badge";
import type { RiskSignal } from "@/server/domain/risk";
import type { Locale } from "@/server/i18n/locale";
import { Fact, Section } from "./section";
import type { RequestView } from "./types";

const percent = (rate: number, locale: Locale) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(rate);

/** One fired signal in words, with the figures that made it fire. */
function signalText(s: RiskSignal, m: RequestMessages, locale: Locale): string {
  switch (s.name) {
    case "high_return_rate":
      return format(m.signals.high_return_rate, { returns: s.returns, orders: s.orders, rate: percent(s.rate, locale), threshold: percent(s.threshold, locale) });
    case "earlier_rejections":
    case "earlier_mismatches":
      return format(m.signals[s.name], { count: s.count });
    case "amount_above_average":
      return format(m.signals.amount_above_average, {
        amount: yuan(s.requestedFen),
        average: yuan(s.averageFen),
        multiple: s.multiple === null ? "—" : `${s.multiple.toFixed(1)}×`,
      });
    case "shared_contact":
      return format(m.signals.shared_contact, { fields: s.fields.map((f) => format(m.sharedCount, { field: m.contactFields[f.field], n: f.otherCustomers })).join(locale === "en" ? ", " : "、") });
  }
}

/** The customer's record and the risk hint: which named signals fired, so a reviewer knows what to look at. */
export function HistorySection({ history, locale }: { history: NonNullable<RequestView["history"]>; locale: Locale }) {
  const m = requestMessages(locale);
  const { facts, signals, earlierRequests } = history;
  return (
    <Section id="history" title={m.sections.history}>
      {signals.length > 0 ? (
        <div role="note" aria-label={format(m.history.signalsTitle, { count: signals.length })} className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2.5">
          <p className="text-sm font-semibold text-amber-900">{format(m.history.signalsTitle, { count: signals.length })}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-amber-900">
            {signals.map((s) => (
              <li key={s.name} data-signal={s.name}>
                {signalText(s, m, locale)}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mb-4 rounded-lg bg-green-50 px-3 py-2 text-sm text-green-900">{m.history.noSignals}</p>
      )}
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Fact label={m.history.orders}>{facts.orders}</Fact>
        <Fact label={m.history.returns}>{facts.returns}</Fact>
        <Fact label={m.history.rate}>{facts.orders > 0 ? percent(facts.returns / facts.orders, locale) : "—"}</Fact>
        <Fact label={`${m.history.rejections} / ${m.history.mismatches}`}>{`${facts.earlierRejections} / ${facts.earlierMismatches}`}</Fact>
      </dl>
      <h3 className="mt-4 text-sm font-semibold text-slate-800">{m.history.earlier}</h3>
      {earlierRequests.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{m.history.noEarlier}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {earlierRequests.slice(0, 10).map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <span className="font-mono text-xs text-slate-800">{r.rmaNo}</span>
              <StatusBadge status={r.status} locale={locale} />
              <span className="tabular-nums">{yuan(r.requestedRefundFen)}</span>
              <span className="text-slate-600">{dateOnly(r.createdAt, locale)}</span>
              {r.rejected && <Badge tone="danger">{m.history.rejectedTag}</Badge>}
              {r.mismatch && <Badge tone="danger">{m.history.mismatchTag}</Badge>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
