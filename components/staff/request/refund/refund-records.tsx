import { dateTime, format, yuan } from "@/components/format";
import type { RefundMessages } from "@/components/i18n/refund-messages";
import { Badge } from "@/components/ui/badge";
import type { Locale } from "@/server/i18n/locale";
import { RefundStatusBadge } from "./refund-status-badge";
import type { RefundRecord } from "./types";

/**
 * Every refund record of the request, newest last: number, channel, kind, amount, status (with
 * what it means for finance), gateway calls, the gateway's last answer and when, the reference
 * once paid, and which record replaced which. Cards, not a table: they read on a phone too.
 */
export function RefundRecords({ refunds, m, locale }: { refunds: RefundRecord[]; m: RefundMessages; locale: Locale }) {
  const numberOf = new Map(refunds.map((r) => [r.id, r.outRefundNo]));
  return (
    <ol className="space-y-3">
      {refunds.map((r) => (
        <li key={r.id} id={`refund-${r.id}`} data-testid="refund-record" className="rounded-lg p-3 ring-1 ring-slate-200">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-mono text-sm font-medium break-all">{r.outRefundNo}</span>
            <span className="flex flex-wrap gap-1.5">
              {r.stuck && <Badge tone="warning">{m.stuck}</Badge>}
              <RefundStatusBadge status={r.status} m={m} />
            </span>
          </div>
          <p className="mt-1 text-xs text-slate-600">{m.statusHelp[r.status]}</p>
          <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
            <Item label={m.amount}>
              <span className="tabular-nums">{yuan(r.amountFen)}</span>
            </Item>
            <Item label={m.channel}>{r.offlineMethod ? `${m.channels.offline} · ${m.offlineMethods[r.offlineMethod as "cash"] ?? r.offlineMethod}` : m.channels[r.channel]}</Item>
            <Item label={m.kind}>{m.kinds[r.kind]}</Item>
            {r.channel !== "offline" && <Item label={m.attempts}>{r.attempts}</Item>}
            {r.lastAnswer && (
              <Item label={m.lastAnswer} wide>
                <span className="font-mono text-xs">
                  {[r.lastAnswer.state, r.lastAnswer.code, r.lastAnswer.message].filter(Boolean).join(" · ")}
                </span>
                <span className="block text-xs font-normal text-slate-600">{format(m.at, { at: dateTime(new Date(r.lastAnswer.at), locale) })}</span>
              </Item>
            )}
            {r.failureReason && r.status !== "succeeded" && (
              <Item label={m.failure} wide>
                <span className="text-red-700">{r.failureReason}</span>
              </Item>
            )}
            {r.gatewayRefundId && (
              <Item label={m.gatewayRef} wide>
                <span className="font-mono text-xs break-all">{r.gatewayRefundId}</span>
              </Item>
            )}
            {r.offlineReference && (
              <Item label={m.offlineRef} wide>
                <span className="font-mono text-xs break-all">{r.offlineReference}</span>
              </Item>
            )}
            {r.replacesRefundId && (
              <Item label={m.replaces}>
                <a href={`#refund-${r.replacesRefundId}`} className="font-mono text-xs text-accent-800 underline">
                  {numberOf.get(r.replacesRefundId) ?? m.none}
                </a>
              </Item>
            )}
            {r.replacedById && (
              <Item label={m.replacedBy}>
                <a href={`#refund-${r.replacedById}`} className="font-mono text-xs text-accent-800 underline">
                  {numberOf.get(r.replacedById) ?? m.none}
                </a>
              </Item>
            )}
            {r.receiptIds.map((id) => (
              <Item key={id} label={m.receipt}>
                <a href={`/api/staff/refund-receipts/${id}`} target="_blank" rel="noreferrer" className="inline-block">
                  {/* eslint-disable-next-line @next/next/no-img-element -- an authorised route, not a static asset */}
                  <img src={`/api/staff/refund-receipts/${id}?size=thumb`} alt={m.receipt} className="h-16 w-16 rounded object-cover ring-1 ring-slate-200" />
                </a>
              </Item>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}

function Item({ label, wide, children }: { label: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={`min-w-0 ${wide ? "col-span-2 sm:col-span-3" : ""}`}>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-0.5 font-medium break-words text-slate-900">{children}</dd>
    </div>
  );
}
