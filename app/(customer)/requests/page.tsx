import Link from "next/link";
import type { Metadata } from "next";
import { dateTime, format, yuan } from "@/components/format";
import { customerRead } from "@/components/h5/load";
import { h5Messages } from "@/components/i18n/h5-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { StatusBadge } from "@/components/request-views/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, cardClass } from "@/components/ui/card";
import { serverCaller } from "@/server/api/server-caller";
import type { ReturnStatus } from "@/server/domain/vocabulary";
import { TYPE_NAMES, term } from "@/server/i18n/domain-terms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: h5Messages(await requestLocale()).requests.pageTitle };
}

/** Statuses in which the next move is the customer's. */
const CUSTOMER_TURN: readonly ReturnStatus[] = ["needs_info", "awaiting_shipment"];

/** All of the signed-in customer's requests, newest first. */
export default async function RequestsPage() {
  const [locale, caller] = await Promise.all([requestLocale(), serverCaller()]);
  const items = await customerRead(() => caller.customer.requests(), "/?tab=requests");
  const t = h5Messages(locale).requests;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t.heading}</h1>
        {items.length > 0 && <p className="mt-1 text-sm text-slate-600">{t.intro}</p>}
      </div>
      {items.length === 0 ? (
        <Card radius="2xl" padding="none" className="flex flex-col items-center px-6 py-12 text-center">
          <svg className="size-12 text-slate-400" viewBox="0 0 40 40" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
            <path d="M8 14 20 8l12 6v12l-12 6-12-6z" strokeLinejoin="round" />
            <path d="M8 14l12 6 12-6M20 20v12" strokeLinejoin="round" />
          </svg>
          <h2 className="mt-3 text-lg font-semibold text-slate-900">{t.empty}</h2>
          <p className="mt-1 text-sm text-slate-600">{t.emptyBody}</p>
          <Link href="/" className={buttonClass("primary", "mt-5")}>
            {t.startNew}
          </Link>
        </Card>
      ) : (
        <ul className="space-y-3">
          {items.map((r) => (
            <li key={r.id}>
              <Link
                href={`/requests/${encodeURIComponent(r.rmaNo)}`}
                className={cardClass({ radius: "2xl" }, "block transition-colors hover:ring-accent-600")}
              >
                <span className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
                  <span className="font-mono text-sm font-semibold whitespace-nowrap text-slate-900">{r.rmaNo}</span>
                  <StatusBadge status={r.status} locale={locale} />
                </span>
                <span className="mt-1.5 flex flex-wrap gap-x-3 gap-y-0.5 text-sm text-slate-600">
                  <span>{term(TYPE_NAMES, r.type, locale)}</span>
                  <span className="font-mono">{format(t.order, { orderNo: r.orderNo })}</span>
                </span>
                <span className="mt-1 flex items-center justify-between gap-2 text-sm">
                  <span className="text-slate-600">{format(t.submittedAt, { date: dateTime(r.createdAt, locale) })}</span>
                  {r.type !== "exchange" && <span className="font-medium text-slate-900 tabular-nums">{yuan(r.requestedRefundFen)}</span>}
                </span>
                {CUSTOMER_TURN.includes(r.status) && (
                  <span className="mt-2 inline-flex rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900">{t.actionNeeded}</span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
