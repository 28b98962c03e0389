import { dateTime, format, yuan } from "@/components/format";
import { messages } from "@/components/i18n/messages";
import { requestMessages } from "@/components/i18n/request-messages";
import type { ChannelCode } from "@/server/domain/vocabulary";
import type { Locale } from "@/server/i18n/locale";
import { Fact, Section } from "./section";
import type { RequestView } from "./types";

/** The order behind the request: channel, dates, what each line cost, and (by role) the money trail. */
export function OrderSection({ view, locale }: { view: RequestView; locale: Locale }) {
  const m = requestMessages(locale);
  const { order, payment, paymentDetails } = view;
  if (!order && !payment && !paymentDetails) return null;
  const refund = paymentDetails?.refund ?? null;
  return (
    <Section id="order" title={m.sections.order}>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        {order && (
          <>
            <Fact label={m.order.orderNo}>
              <span className="font-mono">{order.orderNo}</span>
            </Fact>
            <Fact label={m.order.channel}>{messages(locale).channels[order.channel as ChannelCode] ?? order.channel}</Fact>
            {order.paidAt && <Fact label={m.order.paidAt}>{dateTime(order.paidAt, locale)}</Fact>}
            {order.deliveredAt && <Fact label={m.order.deliveredAt}>{dateTime(order.deliveredAt, locale)}</Fact>}
          </>
        )}
        {payment && (
          <>
            <Fact label={m.order.method}>{m.paymentMethods[payment.method]}</Fact>
            <Fact label={m.order.total}>
              <span className="tabular-nums">{yuan(payment.totalPaidFen)}</span>
            </Fact>
            <Fact label={m.order.refunded}>
              <span className="tabular-nums">{yuan(payment.refundedFen)}</span>
            </Fact>
          </>
        )}
        {paymentDetails && (
          <>
            <Fact label={m.order.gatewayTxn}>
              <span className="font-mono text-xs">{paymentDetails.gatewayTxnId ?? "—"}</span>
            </Fact>
            {refund ? (
              <>
                <Fact label={m.order.refundNo}>
                  <span className="font-mono text-xs">{refund.outRefundNo}</span>
                </Fact>
                <Fact label={m.order.refundStatus}>
                  {m.refundStatuses[refund.status]} · {yuan(refund.amountFen)}
                  {refund.attempts > 1 && <span className="block text-xs font-normal text-slate-600">{`${m.order.attempts}${m.sep}${refund.attempts}`}</span>}
                  {refund.failureReason && <span className="block text-xs font-normal text-red-700">{`${m.order.failure}${m.sep}${refund.failureReason}`}</span>}
                </Fact>
              </>
            ) : (
              <Fact label={m.order.refundStatus}>{m.order.noRefundYet}</Fact>
            )}
          </>
        )}
      </dl>
      {order && order.lines.length > 0 && (
        // On a phone the table scrolls sideways: the box is focusable and named so the keyboard can scroll it too.
        <div role="region" aria-label={m.order.linesTable} tabIndex={0} className="mt-4 overflow-x-auto focus-visible:outline-2 focus-visible:outline-accent-600">
          <table className="w-full min-w-[28rem] text-left text-sm">
            <thead className="border-b border-slate-200 text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">{m.order.item}</th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">{m.order.quantity}</th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">{m.order.unitPrice}</th>
                <th scope="col" className="py-2 text-right font-medium">{m.order.paid}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {order.lines.map((l) => (
                <tr key={l.id}>
                  <td className="py-2 pr-3">
                    {l.title}
                    <span className="ml-2 font-mono text-xs text-slate-500">{l.skuCode}</span>
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{format("×{n}", { n: l.quantity })}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{yuan(l.unitPriceFen)}</td>
                  <td className="py-2 text-right font-medium tabular-nums">{yuan(l.paidFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
