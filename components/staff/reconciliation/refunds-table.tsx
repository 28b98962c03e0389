import { dateTime, format, yuan } from "@/components/format";
import { reconciliationMessages } from "@/components/i18n/reconciliation-messages";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, tdClass, thClass } from "@/components/ui/table";
import { REFUND_STATUSES, type RefundStatus } from "@/server/domain/vocabulary";
import type { Locale } from "@/server/i18n/locale";
import { DIFFERENCE_NAMES, REFUND_CHANNEL_NAMES, REFUND_KIND_NAMES, REFUND_STATUS_NAMES } from "@/server/i18n/reconciliation-terms";
import type { DayReconciliationView } from "./types";

const statusName = (s: string, locale: Locale) => ((REFUND_STATUSES as readonly string[]).includes(s) ? REFUND_STATUS_NAMES[s as RefundStatus][locale] : s);

/** Every refund of the day (and statement lines we have no record of), as the export lists them. */
export function RefundsTable({ view, locale }: { view: DayReconciliationView; locale: Locale }) {
  const m = reconciliationMessages(locale);
  // A compared day without refunds already says "all refunds match": one empty state is enough.
  if (view.rows.length === 0 && view.statement === "compared") return null;
  if (view.rows.length === 0) {
    return <EmptyState title={m.noRefunds} body={format(m.noRefundsBody, { channel: REFUND_CHANNEL_NAMES[view.channel][locale] })} />;
  }
  return (
    <Table
      caption={`${m.refundsTitle} (${view.rows.length})`}
      minWidth="min-w-[56rem]"
      head={
        <>
          <th scope="col" className={thClass()}>{m.rma}</th>
          <th scope="col" className={thClass()}>{m.refundNo}</th>
          <th scope="col" className={thClass()}>{m.gatewayRef}</th>
          <th scope="col" className={thClass()}>{m.kind}</th>
          <th scope="col" className={thClass("text-right")}>{m.amount}</th>
          <th scope="col" className={thClass()}>{m.status}</th>
          <th scope="col" className={thClass()}>{m.succeededAt}</th>
          <th scope="col" className={thClass()}>{m.createdBy}</th>
        </>
      }
    >
      {view.rows.map((r) => (
        <tr key={r.outRefundNo}>
          <td className={tdClass()}>{r.rmaNo ?? "—"}</td>
          <td className={tdClass()}>
            <span className="font-mono text-xs whitespace-nowrap">{r.outRefundNo}</span>
            {r.differences.length > 0 && (
              <div className="mt-1 flex flex-wrap gap-1">
                {r.differences.map((d) => (
                  <Badge key={d} tone="warning">
                    {DIFFERENCE_NAMES[d][locale]}
                  </Badge>
                ))}
              </div>
            )}
          </td>
          <td className={tdClass("font-mono text-xs whitespace-nowrap")}>{r.gatewayRefundId ?? "—"}</td>
          <td className={tdClass()}>{r.kind ? REFUND_KIND_NAMES[r.kind][locale] : "—"}</td>
          <td className={tdClass("text-right tabular-nums")}>{yuan(r.amountFen)}</td>
          <td className={tdClass()}>{statusName(r.status, locale)}</td>
          <td className={tdClass("whitespace-nowrap")}>{r.succeededAt ? dateTime(r.succeededAt, locale) : "—"}</td>
          <td className={tdClass()}>{r.rmaNo ? (r.createdBy ?? m.system) : "—"}</td>
        </tr>
      ))}
    </Table>
  );
}
