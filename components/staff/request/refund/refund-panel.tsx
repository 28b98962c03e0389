import { dateTime, format, yuan } from "@/components/format";
import { refundMessages } from "@/components/i18n/refund-messages";
import type { Locale } from "@/server/i18n/locale";
import { Section } from "../section";
import { RefundActions } from "./refund-actions";
import { RefundRecords } from "./refund-records";
import type { RefundPanelData } from "./types";

/**
 * Finance's refund panel on the request screen: how the amount was computed (per line), the
 * deductions decided on the way with their reasons, the total and what is still to pay, every
 * refund record, and finance's actions (lower, retry, record offline). The store manager sees it
 * read-only.
 */
export function RefundPanel({ panel, locale, firstApprover, readOnly }: { panel: RefundPanelData; locale: Locale; firstApprover: string | null; readOnly: boolean }) {
  const m = refundMessages(locale);
  return (
    <Section id="refund" title={m.title}>
      <div className="space-y-4">
        <div>
          <h3 className="text-xs font-medium text-slate-600">{m.computed}</h3>
          <div role="region" aria-label={m.computed} tabIndex={0} className="mt-1 overflow-x-auto">
            <table className="w-full min-w-[20rem] text-left text-sm">
              <thead className="border-b border-slate-200 text-xs text-slate-600">
                <tr>
                  <th scope="col" className="py-1.5 pr-3 font-medium">{m.line}</th>
                  <th scope="col" className="py-1.5 pr-3 text-right font-medium">{m.quantity}</th>
                  <th scope="col" className="py-1.5 text-right font-medium">{m.lineAmount}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {panel.lines.map((l) => (
                  <tr key={l.id}>
                    <td className="py-1.5 pr-3">{l.title}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{format("×{n}", { n: l.quantity })}</td>
                    <td className="py-1.5 text-right tabular-nums">{yuan(l.refundFen)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t border-slate-200">
                  <th scope="row" colSpan={2} className="py-1.5 pr-3 text-left font-medium">{m.computedTotal}</th>
                  <td className="py-1.5 text-right font-medium tabular-nums">{yuan(panel.computedFen)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </div>

        <div>
          <h3 className="text-xs font-medium text-slate-600">{m.deductions}</h3>
          {panel.deductions.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">{m.noDeductions}</p>
          ) : (
            <ul className="mt-1 space-y-1.5 text-sm">
              {panel.deductions.map((d) => (
                <li key={d.seq} className="flex flex-wrap justify-between gap-x-3">
                  <span>
                    {d.action === "accept_partial" ? m.deductionPartial : m.deductionLowered}
                    {d.comment && <span className="text-slate-600">{`：${d.comment}`}</span>}
                    <span className="block text-xs text-slate-500">
                      {[d.actorName, dateTime(new Date(d.createdAt), locale)].filter(Boolean).join(" · ")}
                    </span>
                  </span>
                  <span className="font-medium text-red-700 tabular-nums">−{yuan(d.deductionFen)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>

        <dl className="grid grid-cols-3 gap-2 rounded-lg bg-slate-50 p-3">
          <div>
            <dt className="text-xs text-slate-600">{m.total}</dt>
            <dd data-testid="refund-total" className="text-lg font-semibold tabular-nums">{yuan(panel.totalFen)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">{m.paid}</dt>
            <dd className="text-lg font-semibold text-green-800 tabular-nums">{yuan(panel.paidFen)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">{m.toPay}</dt>
            <dd className="text-lg font-semibold tabular-nums">{yuan(panel.toPayFen)}</dd>
          </div>
        </dl>

        <div>
          <h3 className="mb-2 text-xs font-medium text-slate-600">{m.records}</h3>
          {panel.refunds.length === 0 ? <p className="text-sm text-slate-600">{m.noRecords}</p> : <RefundRecords refunds={panel.refunds} m={m} locale={locale} />}
        </div>

        {readOnly ? <p className="text-xs text-slate-600">{m.readOnly}</p> : <RefundActions panel={panel} firstApprover={firstApprover} />}
      </div>
    </Section>
  );
}
