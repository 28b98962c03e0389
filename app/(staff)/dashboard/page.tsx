import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cache } from "react";
import { format, messages } from "@/components/i18n/messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { QueueEmpty } from "@/components/staff/queue-empty";
import { QueueHeading } from "@/components/staff/queue-heading";
import { QueueList } from "@/components/staff/queue-list";
import { serverCaller } from "@/server/api/server-caller";

/**
 * The queue through tRPC, so the role check and the "what is waiting for whom" rule are the API's
 * own. Cached per request: the title (generateMetadata) and the page share one read.
 */
const loadQueue = cache(async () => {
  const caller = await serverCaller();
  try {
    const [me, items] = await Promise.all([caller.staff.me(), caller.staff.queue({})]);
    return { me, items };
  } catch (e) {
    // Signed out or disabled between the layout's check and this read.
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect("/login");
    throw e;
  }
});

export async function generateMetadata(): Promise<Metadata> {
  const locale = await requestLocale();
  const { me, items } = await loadQueue();
  const m = messages(locale).dashboard;
  return { title: format(m.documentTitle, { title: m.queueTitle[me.role], count: items.length }) };
}

export default async function DashboardPage() {
  const [locale, { me, items }] = await Promise.all([requestLocale(), loadQueue()]);
  const m = messages(locale).dashboard;
  const title = m.queueTitle[me.role];
  const now = new Date();

  return (
    <>
      <QueueHeading
        title={title}
        intro={m.queueIntro[me.role]}
        count={
          <span className="rounded-full bg-accent-50 px-2.5 py-0.5 text-base font-semibold text-accent-800 tabular-nums ring-1 ring-accent-100">
            {format(m.count, { count: items.length })}
          </span>
        }
        aside={items.length > 0 && <p className="text-xs text-slate-600">{m.sortedBy}</p>}
      />
      {items.length === 0 ? <QueueEmpty locale={locale} /> : <QueueList items={items} locale={locale} now={now} title={title} />}
    </>
  );
}
