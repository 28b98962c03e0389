import { dateTime, deadlineView, format, yuan } from "@/components/format";
import { requestMessages } from "@/components/i18n/request-messages";
import { StatusBadge } from "@/components/request-views/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TYPE_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";
import { ContactReveal } from "./contact-reveal";
import { Fact } from "./section";
import type { RequestView } from "./types";

/** The head of the screen: which request, where it stands, how much, by when, and who asked. */
export function RequestSummary({ view, locale, now }: { view: RequestView; locale: Locale; now: Date }) {
  const m = requestMessages(locale);
  const r = view.request;
  const deadline = view.deadline ? deadlineView(view.deadline.at, now, locale) : null;
  const amount = r.requestedRefundFen === null ? null : r.type === "exchange" && r.requestedRefundFen === 0 ? m.noRefund : yuan(r.requestedRefundFen);
  return (
    <Card as="section" aria-labelledby="request-heading" padding="md">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 id="request-heading" className="font-mono text-xl font-semibold text-slate-900">{r.rmaNo}</h1>
        <StatusBadge status={r.status} locale={locale} />
        <Badge>{term(TYPE_NAMES, r.type, locale)}</Badge>
        <span className="text-sm text-slate-600">{format(m.createdAt, { at: dateTime(r.createdAt, locale) })}</span>
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {amount !== null && (
          <Fact label={m.requested}>
            <span className="text-base tabular-nums">{amount}</span>
          </Fact>
        )}
        {r.approvedRefundFen !== null && r.approvedRefundFen !== r.requestedRefundFen && (
          <Fact label={m.approved}>
            <span className="text-base tabular-nums">{yuan(r.approvedRefundFen)}</span>
          </Fact>
        )}
        <Fact label={m.deadline}>
          {deadline && view.deadline ? (
            <time dateTime={deadline.iso} className={deadline.overdue ? "text-red-700" : deadline.soon ? "text-amber-800" : ""}>
              {deadline.overdue && <span className="mr-1.5 rounded bg-red-100 px-1.5 py-px text-xs font-semibold text-red-800">{m.overdue}</span>}
              {view.deadline.stage ? format(m.deadlineFor, { stage: m.stages[view.deadline.stage], relative: deadline.relative }) : deadline.relative}
              <span className="block text-xs font-normal text-slate-600 tabular-nums">{deadline.absolute}</span>
            </time>
          ) : (
            <span className="text-slate-600">{m.noDeadline}</span>
          )}
        </Fact>
        {view.customer && (
          <Fact label={m.customer}>
            <span className="block">{view.customer.name}</span>
            <ContactReveal requestId={r.id} masked={view.customer.phone} canReveal={view.revealable.includes("phone")} />
          </Fact>
        )}
      </dl>
    </Card>
  );
}
