import { format, yuan } from "@/components/format";
import { reconciliationMessages } from "@/components/i18n/reconciliation-messages";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Locale } from "@/server/i18n/locale";
import type { DayReconciliationView } from "./types";

/** Our total against the statement's, side by side; the gateway side only when there was a statement. */
export function Totals({ view, locale }: { view: DayReconciliationView; locale: Locale }) {
  const m = reconciliationMessages(locale);
  const { result } = view;
  const compared = view.statement === "compared";
  const gap = result.ourTotalFen - result.gatewayTotalFen;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Card>
        <p className="text-sm text-slate-600">{m.ourTotal}</p>
        <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{yuan(result.ourTotalFen)}</p>
        <p className="text-sm text-slate-600">{format(m.count, { count: result.ourCount })}</p>
      </Card>
      {compared && (
        <Card>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <p className="text-sm text-slate-600">{m.gatewayTotal}</p>
            {gap === 0 ? <Badge tone="success">{m.totalsMatch}</Badge> : <Badge tone="danger">{format(m.totalsDiffer, { amount: yuan(Math.abs(gap)) })}</Badge>}
          </div>
          <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{yuan(result.gatewayTotalFen)}</p>
          <p className="text-sm text-slate-600">{format(m.count, { count: result.gatewayCount })}</p>
        </Card>
      )}
    </div>
  );
}
