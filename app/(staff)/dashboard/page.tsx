import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cache } from "react";
import { format, messages } from "@/components/i18n/messages";
import { queueMessages } from "@/components/i18n/queue-messages";
import { requestLocale } from "@/components/i18n/request-locale";
import { QueueEmpty } from "@/components/staff/queue/queue-empty";
import { QueueExport } from "@/components/staff/queue/queue-export";
import { QueueFilters } from "@/components/staff/queue/queue-filters";
import { QueueHeading } from "@/components/staff/queue/queue-heading";
import { QueueList } from "@/components/staff/queue/queue-list";
import { activeFilterCount, cursorFromSearch, filtersFromSearch, searchFromFilters, type SearchParams } from "@/components/staff/queue/search-params";
import { buttonClass } from "@/components/ui/button";
import { serverCaller } from "@/server/api/server-caller";

const PAGE_SIZE = 50;

/**
 * The queue through tRPC, so the role check and the "what is waiting for whom" rule are the API's
 * own. Cached per request: the title (generateMetadata) and the page share one read.
 */
const loadQueue = cache(async (query: string) => {
  const sp = Object.fromEntries(new URLSearchParams(query)) as SearchParams;
  const filters = filtersFromSearch(sp);
  const cursor = cursorFromSearch(sp);
  const caller = await serverCaller();
  try {
    const [me, page, counts] = await Promise.all([caller.staff.me(), caller.staff.queue({ ...filters, cursor, limit: PAGE_SIZE }), caller.staff.queueCounts()]);
    return { me, page, counts, filters, cursor };
  } catch (e) {
    // Signed out or disabled between the layout's check and this read.
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect("/login");
    // A stale or edited cursor: start again from the first page with the same filters.
    if (e instanceof TRPCError && e.code === "BAD_REQUEST" && cursor) redirect(`/dashboard${searchFromFilters(filters)}`);
    throw e;
  }
});

const queryOf = (sp: SearchParams) =>
  new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? (v[0] ?? "") : v]]))).toString();

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const locale = await requestLocale();
  const { me, counts } = await loadQueue(queryOf(await searchParams));
  const m = messages(locale).dashboard;
  return { title: format(m.documentTitle, { title: m.queueTitle[me.role], count: counts.queue.total }) };
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [locale, { me, page, counts, filters, cursor }] = await Promise.all([requestLocale(), searchParams.then((sp) => loadQueue(queryOf(sp)))]);
  const m = messages(locale).dashboard;
  const t = queueMessages(locale);
  const title = m.queueTitle[me.role];
  const now = new Date();
  const filtered = activeFilterCount(filters) > 0 || Boolean(filters.q);

  return (
    <>
      <QueueHeading
        title={title}
        intro={m.queueIntro[me.role]}
        count={
          <span className="rounded-full bg-accent-50 px-2.5 py-0.5 text-base font-semibold text-accent-800 tabular-nums ring-1 ring-accent-100">
            {format(m.count, { count: counts.queue.total })}
          </span>
        }
        aside={
          <div className="flex flex-col items-start gap-2 sm:items-end">
            <QueueExport filters={filters} role={me.role} locale={locale} />
            <p className="text-xs text-slate-600">{format(t.countsLabel, { ...counts.queue })}</p>
          </div>
        }
      />
      <QueueFilters filters={filters} role={me.role} locale={locale} />
      {page.items.length === 0 ? (
        <QueueEmpty locale={locale} filtered={filtered || Boolean(cursor)} />
      ) : (
        <>
          <p className="mb-2 text-xs text-slate-600">{m.sortedBy}</p>
          <QueueList items={page.items} locale={locale} now={now} title={title} viewer={{ id: me.id, role: me.role }} />
          <nav aria-label={format(t.pageOf, { count: page.items.length })} className="mt-4 flex flex-wrap items-center justify-end gap-2">
            {cursor && (
              <a href={`/dashboard${searchFromFilters(filters)}`} className={buttonClass("ghost")}>
                {t.firstPage}
              </a>
            )}
            {page.nextCursor && (
              <a href={`/dashboard${searchFromFilters(filters, page.nextCursor)}`} className={buttonClass("secondary")}>
                {t.nextPage}
              </a>
            )}
          </nav>
        </>
      )}
    </>
  );
}
