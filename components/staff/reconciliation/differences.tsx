import { format, yuan } from "@/components/format";
import { reconciliationMessages } from "@/components/i18n/reconciliation-messages";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, tdClass, thClass } from "@/components/ui/table";
import type { Locale } from "@/server/i18n/locale";
import { DIFFERENCE_NAMES, REFUND_CHANNEL_NAMES, REFUND_STATUS_NAMES } from "@/server/i18n/reconciliation-terms";
import type { DayReconciliationView } from "./types";

/** Each difference with both sides' amount and status; "all refunds match" when there is none. */
export function Differences({ view, locale }: { view: DayReconciliationView; locale: Locale }) {
  const m = reconciliationMessages(locale);
  const { differences } = view.result;
  if (differences.length === 0) {
    return <EmptyState icon="check" title={m.allMatch} body={format(m.allMatchBody, { day: view.day, channel: REFUND_CHANNEL_NAMES[view.channel][locale] })} />;
  }
  const rmaOf = new Map(view.rows.map((r) => [r.outRefundNo, r.rmaNo]));
  return (
    <Table
      caption={`${m.differencesTitle} (${differences.length})`}
      minWidth="min-w-[44rem]"
      head={
        <>
          <th scope="col" className={thClass()}>{m.difference}</th>
          <th scope="col" className={thClass()}>{m.refundNo}</th>
          <th scope="col" className={thClass()}>{m.rma}</th>
          <th scope="col" className={thClass("text-right")}>{m.ours}</th>
          <th scope="col" className={thClass("text-right")}>{m.gateway}</th>
        </>
      }
    >
      {differences.map((d) => (
        <tr key={`${d.outRefundNo}-${d.kind}`}>
          <td className={tdClass()}>
            <Badge tone={d.kind === "duplicate_payout" || d.kind === "missing_here" ? "danger" : "warning"}>{DIFFERENCE_NAMES[d.kind][locale]}</Badge>
          </td>
          <td className={tdClass("font-mono text-xs whitespace-nowrap")}>{d.outRefundNo}</td>
          <td className={tdClass("whitespace-nowrap")}>{rmaOf.get(d.outRefundNo) ?? "—"}</td>
          <td className={tdClass("text-right tabular-nums")}>
            {d.ours ? (
              <>
                {yuan(d.ours.amountFen)}
                <div className="text-xs text-slate-600">{REFUND_STATUS_NAMES[d.ours.status][locale]}</div>
              </>
            ) : (
              m.none
            )}
          </td>
          <td className={tdClass("text-right tabular-nums")}>
            {d.gateway ? (
              <>
                {yuan(d.gateway.amountFen)}
                <div className="text-xs text-slate-600">
                  {d.gateway.status}
                  {d.gateway.lines > 1 ? ` ×${d.gateway.lines}` : ""}
                </div>
              </>
            ) : (
              m.none
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
