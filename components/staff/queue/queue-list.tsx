"use client";

import Link from "next/link";
import { useState } from "react";
import { deadlineView, format, yuan, type DeadlineView } from "@/components/format";
import { messages } from "@/components/i18n/messages";
import { queueMessages } from "@/components/i18n/queue-messages";
import { StatusBadge } from "@/components/request-views/status-badge";
import { Badge } from "@/components/ui/badge";
import { TERMINAL_STATUSES, type ChannelCode, type StaffRole } from "@/server/domain/vocabulary";
import { TYPE_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";
import { AssignButton } from "@/components/staff/hold/assign-button";
import { BulkApproveBar } from "./bulk-approve";
import { HoldButton } from "./hold-button";
import type { QueueItem } from "./types";

interface Props {
  items: QueueItem[];
  locale: Locale;
  now: Date;
  title: string;
  viewer: { id: string; role: StaffRole };
}

function channelName(code: string, locale: Locale): string {
  return messages(locale).channels[code as ChannelCode] ?? code;
}

function Deadline({ view, locale, align = "left" }: { view: DeadlineView | null; locale: Locale; align?: "left" | "right" }) {
  const m = messages(locale).dashboard;
  const t = queueMessages(locale);
  if (!view) return <span className="text-sm text-slate-500">{m.noDeadline}</span>;
  const tone = view.overdue ? "text-red-700" : view.soon ? "text-amber-800" : "text-slate-900";
  return (
    <time dateTime={view.iso} className={`block leading-tight ${align === "right" ? "text-right" : ""}`}>
      <span className={`flex flex-wrap items-center gap-1.5 text-sm font-medium ${tone} ${align === "right" ? "justify-end" : ""}`}>
        {view.overdue && <Badge tone="danger">{t.overdue}</Badge>}
        {view.soon && <Badge tone="warning">{t.dueSoon}</Badge>}
        {view.relative}
      </span>
      <span className="mt-0.5 block text-xs text-slate-600 tabular-nums">{view.absolute}</span>
    </time>
  );
}

/** Why finance should look at the request's refund now (docs/decisions/024). */
function RefundFlagBadge({ item, locale }: { item: QueueItem; locale: Locale }) {
  if (!item.refundFlag) return null;
  return (
    <Badge tone={item.refundFlag === "stuck" || item.refundFlag === "closed" ? "warning" : "danger"} className="mt-1 sm:ml-1">
      {queueMessages(locale).refundFlags[item.refundFlag]}
    </Badge>
  );
}

/** An exchange sends goods back, not money: "¥0.00" would read like an error. */
function Amount({ item, locale }: { item: QueueItem; locale: Locale }) {
  if (item.type === "exchange" && item.requestedRefundFen === 0) {
    return <span className="text-sm font-normal text-slate-600">{messages(locale).dashboard.noRefund}</span>;
  }
  return <>{yuan(item.requestedRefundFen)}</>;
}

function ChannelTag({ code, locale }: { code: string; locale: Locale }) {
  return (
    <span className="inline-flex items-center rounded bg-slate-100 px-1.5 py-px text-xs font-medium whitespace-nowrap text-slate-700">
      {channelName(code, locale)}
    </span>
  );
}

/** Who holds it, and the claim / release button the viewer may use. */
function Holder({ item, viewer, locale }: { item: QueueItem; viewer: Props["viewer"]; locale: Locale }) {
  const t = queueMessages(locale);
  const mine = item.holderId === viewer.id;
  const mode = !item.holderId ? "claim" : mine || viewer.role === "admin" ? "release" : null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className={`text-sm ${item.holderId ? "font-medium text-slate-900" : "text-slate-500"}`}>
        {item.holderId ? (mine ? `${item.holderName ?? ""}${locale === "en" ? ` (${t.you})` : `（${t.you}）`}` : item.holderName) : t.nobody}
      </span>
      {mode && <HoldButton requestId={item.id} rmaNo={item.rmaNo} mode={mode} locale={locale} />}
      {/* The store manager hands open requests out; closed ones (shown with "all statuses") have nobody to work on them. */}
      {viewer.role === "admin" && !TERMINAL_STATUSES.includes(item.status) && (
        <AssignButton request={{ id: item.id, rmaNo: item.rmaNo, status: item.status, holderId: item.holderId }} locale={locale} className="px-3 text-xs" />
      )}
    </div>
  );
}

/** The queue as a table on wide screens and as cards on phones, in the order the API returns. */
export function QueueList({ items, locale, now, title, viewer }: Props) {
  const m = messages(locale).dashboard;
  const t = queueMessages(locale);
  const bulk = viewer.role === "customer_service";
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const rows = items.map((item) => ({ item, deadline: deadlineView(item.deadlineAt, now, locale) }));
  // Only what customer service could approve right now is offered; the server checks everything again.
  const selectable = (i: QueueItem) => bulk && i.status === "pending_cs_review" && (!i.holderId || i.holderId === viewer.id);
  const candidates = items.filter(selectable);
  const selected = candidates.filter((i) => picked.has(i.id));
  const toggle = (id: string) => setPicked((p) => (p.has(id) ? new Set([...p].filter((x) => x !== id)) : new Set([...p, id])));
  const allPicked = candidates.length > 0 && selected.length === candidates.length;

  return (
    <>
      {bulk && <BulkApproveBar selected={selected} locale={locale} onDone={() => setPicked(new Set())} />}
      <div className="hidden overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200 md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{format(m.tableCaption, { title, count: items.length })}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600">
            <tr>
              {bulk && (
                <th scope="col" className="w-10 px-4 py-3">
                  <input
                    type="checkbox"
                    aria-label={t.selectAll}
                    checked={allPicked}
                    disabled={candidates.length === 0}
                    onChange={() => setPicked(allPicked ? new Set() : new Set(candidates.map((i) => i.id)))}
                    className="size-4 accent-accent-700"
                  />
                </th>
              )}
              <th scope="col" className="px-4 py-3">{m.columns.rma}</th>
              <th scope="col" className="px-4 py-3">{m.columns.customer}</th>
              <th scope="col" className="px-4 py-3">{m.columns.order}</th>
              <th scope="col" className="px-4 py-3">{m.columns.type}</th>
              <th scope="col" className="px-4 py-3 text-right">{m.columns.amount}</th>
              <th scope="col" className="px-4 py-3">{m.columns.status}</th>
              <th scope="col" className="px-4 py-3">{m.columns.deadline}</th>
              <th scope="col" className="px-4 py-3">{t.holderColumn}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map(({ item, deadline }) => (
              <tr key={item.id} className={deadline?.overdue ? "bg-red-50/40 hover:bg-red-50/70" : "hover:bg-slate-50"}>
                {bulk && (
                  <td className="px-4 py-3 align-top">
                    {selectable(item) && (
                      <input
                        type="checkbox"
                        aria-label={format(t.selectRow, { rma: item.rmaNo })}
                        checked={picked.has(item.id)}
                        onChange={() => toggle(item.id)}
                        className="size-4 accent-accent-700"
                      />
                    )}
                  </td>
                )}
                <th scope="row" className="px-4 py-3 align-top font-mono text-[13px] font-medium whitespace-nowrap text-slate-900">
                  <Link href={`/dashboard/requests/${item.id}`} className="text-accent-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-accent-600">
                    {item.rmaNo}
                  </Link>
                </th>
                <td className="px-4 py-3 align-top">
                  <div className="font-medium text-slate-900">{item.customerName}</div>
                  <div className="text-xs text-slate-600 tabular-nums">{item.customerPhone}</div>
                </td>
                <td className="px-4 py-3 align-top">
                  <div className="font-mono text-[13px] text-slate-800">{item.orderNo}</div>
                  <div className="mt-0.5">
                    <ChannelTag code={item.channel} locale={locale} />
                  </div>
                </td>
                <td className="px-4 py-3 align-top whitespace-nowrap text-slate-800">{term(TYPE_NAMES, item.type, locale)}</td>
                <td className="px-4 py-3 text-right align-top font-medium whitespace-nowrap text-slate-900 tabular-nums">
                  <Amount item={item} locale={locale} />
                </td>
                <td className="px-4 py-3 align-top">
                  <StatusBadge status={item.status} locale={locale} />
                  <RefundFlagBadge item={item} locale={locale} />
                </td>
                <td className="px-4 py-3 align-top">
                  <Deadline view={deadline} locale={locale} />
                </td>
                <td className="px-4 py-3 align-top">
                  <Holder item={item} viewer={viewer} locale={locale} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="space-y-3 md:hidden" aria-label={title}>
        {rows.map(({ item, deadline }) => (
          <li key={item.id} className={`rounded-xl bg-white p-4 shadow-sm ring-1 ${deadline?.overdue ? "ring-red-200" : "ring-slate-200"}`}>
            <div className="flex items-start justify-between gap-3">
              <Link href={`/dashboard/requests/${item.id}`} className="font-mono text-[13px] font-semibold break-all text-accent-800 underline-offset-2 hover:underline">
                {item.rmaNo}
              </Link>
              {selectable(item) && (
                <input
                  type="checkbox"
                  aria-label={format(t.selectRow, { rma: item.rmaNo })}
                  checked={picked.has(item.id)}
                  onChange={() => toggle(item.id)}
                  className="mt-0.5 size-5 accent-accent-700"
                />
              )}
            </div>
            <div className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1">
              <StatusBadge status={item.status} locale={locale} />
              <RefundFlagBadge item={item} locale={locale} />
              <span className="text-sm text-slate-700">{term(TYPE_NAMES, item.type, locale)}</span>
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
              <div className="min-w-0">
                <dt className="text-xs text-slate-600">{m.columns.customer}</dt>
                <dd className="mt-0.5 truncate font-medium text-slate-900">{item.customerName}</dd>
                <dd className="text-xs text-slate-600 tabular-nums">{item.customerPhone}</dd>
              </div>
              <div className="text-right">
                <dt className="text-xs text-slate-600">{m.columns.amount}</dt>
                <dd className="mt-0.5 text-base font-semibold text-slate-900 tabular-nums">
                  <Amount item={item} locale={locale} />
                </dd>
              </div>
              <div className="min-w-0">
                <dt className="text-xs text-slate-600">{m.columns.order}</dt>
                <dd className="mt-0.5 truncate font-mono text-[13px] text-slate-800">{item.orderNo}</dd>
                <dd className="mt-0.5">
                  <ChannelTag code={item.channel} locale={locale} />
                </dd>
              </div>
              <div>
                <dt className="text-right text-xs text-slate-600">{m.columns.deadline}</dt>
                <dd className="mt-0.5">
                  <Deadline view={deadline} locale={locale} align="right" />
                </dd>
              </div>
              <div className="col-span-2">
                <dt className="text-xs text-slate-600">{t.holderColumn}</dt>
                <dd className="mt-0.5">
                  <Holder item={item} viewer={viewer} locale={locale} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
