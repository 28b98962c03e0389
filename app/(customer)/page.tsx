import Link from "next/link";
import type { Metadata } from "next";
import { FindOrderForm, type FindTab } from "@/components/h5/find-order-form";
import { format, yuan } from "@/components/format";
import { h5Messages } from "@/components/i18n/h5-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { serverCaller } from "@/server/api/server-caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: h5Messages(await requestLocale()).entry.pageTitle };
}

type Search = Promise<{ tab?: string; order?: string }>;

/** The H5 entry: find an order (order number + phone + SMS code) or find my requests (phone + code). */
export default async function EntryPage({ searchParams }: { searchParams: Search }) {
  const [locale, caller, search] = await Promise.all([requestLocale(), serverCaller(), searchParams]);
  const t = h5Messages(locale).entry;
  const me = await caller.customer.me();
  const orders = me ? await caller.customer.orders() : [];
  const tab: FindTab = search.tab === "requests" ? "requests" : "order";
  const orderNo = typeof search.order === "string" ? search.order.slice(0, 32) : "";

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t.heading}</h1>
      </div>

      {me && (
        <Card as="section" radius="2xl" aria-labelledby="my-orders">
          <h2 id="my-orders" className="text-base font-semibold text-slate-900">
            {format(t.signedInTitle, { phone: me.phone })}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t.signedInBody}</p>
          <h3 className="mt-4 text-sm font-medium text-slate-800">{t.yourOrders}</h3>
          {orders.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t.noOrders}</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100">
              {orders
                .slice()
                .reverse()
                .map((o) => (
                  <li key={o.id}>
                    <Link href={`/orders/${encodeURIComponent(o.orderNo)}/return`} className="flex min-h-12 items-center justify-between gap-3 py-2 hover:bg-slate-50">
                      <span>
                        <span className="block font-mono text-sm text-slate-900">{o.orderNo}</span>
                        <span className="block text-xs text-slate-600">{format(t.paidOn, { amount: yuan(o.totalPaidFen) })}</span>
                      </span>
                      <span className="shrink-0 text-sm font-medium text-accent-700">{t.startReturn} ›</span>
                    </Link>
                  </li>
                ))}
            </ul>
          )}
          <Link href="/requests" className={buttonClass("secondary", "mt-3 w-full")}>
            {t.viewRequests}
          </Link>
        </Card>
      )}

      {me && <h2 className="text-base font-semibold text-slate-900">{t.otherOrder}</h2>}
      <FindOrderForm t={t} initialTab={tab} initialOrderNo={orderNo} />
    </div>
  );
}
