"use client";

import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { dateTime, format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { notificationsMessages } from "@/components/i18n/notifications-messages";
import { serverFailure } from "@/components/staff/admin/form-errors";
import { useTRPC } from "@/components/staff/trpc";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Table, tdClass, thClass } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { actionLabel, canResend, deliveryFiltersHref, deliveryStatusTone, shortResponse, type DeliveryFilters } from "./delivery-view";
import type { DeliveryRow } from "./types";

/**
 * What was sent, newest first, a page at a time (the router's cursor): each delivery's channel,
 * masked receiver, step, request, status with its attempts, and the receiver's last answer. A
 * failed or sent one can go again (same delivery id) after a confirmation.
 */
export function DeliveryList({ filters }: { filters: DeliveryFilters }) {
  const locale = useLocale();
  const t = notificationsMessages(locale);
  const trpc = useTRPC();
  const toast = useToast();
  const [confirm, setConfirm] = useState<DeliveryRow | null>(null);
  const query = useInfiniteQuery(
    trpc.notifications.deliveries.infiniteQueryOptions(filters, { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 }),
  );
  const resend = useMutation(trpc.notifications.resend.mutationOptions());
  const resendNow = (d: DeliveryRow) =>
    resend.mutate(
      { deliveryId: d.id },
      {
        onSuccess: () => {
          setConfirm(null);
          toast.show(format(t.sent.resent, { target: d.target }), { tone: "success" });
          void query.refetch();
        },
      },
    );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filters.channel || filters.status);

  if (query.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 py-10 text-sm text-slate-700">
        <Spinner /> {t.sent.loading}
      </p>
    );
  }
  if (query.isError) {
    return (
      <EmptyState
        role="alert"
        icon="error"
        iconTone="danger"
        title={t.sent.loadFailed}
        // No answer from the server (offline, blocked): the browser's own words are English, ours are not.
        body={query.error.data ? query.error.message : t.network}
        action={
          <button type="button" className={buttonClass("primary")} onClick={() => void query.refetch()}>
            {t.sent.retry}
          </button>
        }
      />
    );
  }
  if (items.length === 0) {
    return filtered ? (
      <EmptyState
        icon="search"
        title={t.sent.emptyFilteredTitle}
        body={t.sent.emptyFilteredBody}
        action={
          <a href={deliveryFiltersHref({})} className={buttonClass("secondary")}>
            {t.sent.clearFilters}
          </a>
        }
      />
    ) : (
      <EmptyState icon="inbox" title={t.sent.emptyTitle} body={t.sent.emptyBody} />
    );
  }

  const when = (d: DeliveryRow) => (
    <>
      <time dateTime={d.createdAt.toISOString()}>{dateTime(d.createdAt, locale)}</time>
      {d.sentAt ? (
        <div className="text-xs text-slate-600">{format(t.sent.sentAt, { time: dateTime(d.sentAt, locale) })}</div>
      ) : d.lastAttemptAt ? (
        <div className="text-xs text-slate-600">{format(t.sent.lastAttempt, { time: dateTime(d.lastAttemptAt, locale) })}</div>
      ) : null}
    </>
  );
  const request = (d: DeliveryRow) =>
    d.rmaNo ? (
      <a href={`/dashboard?q=${encodeURIComponent(d.rmaNo)}&allStatuses=1`} className="font-mono font-medium text-accent-700 hover:underline">
        {d.rmaNo}
      </a>
    ) : (
      t.sent.noRequest
    );
  const status = (d: DeliveryRow) => (
    <>
      <Badge tone={deliveryStatusTone(d.status)}>{t.statuses[d.status] ?? d.status}</Badge>
      <div className="mt-1 text-xs text-slate-600">{d.attempts > 0 ? format(t.sent.attempts, { count: d.attempts }) : t.sent.attemptsNone}</div>
    </>
  );
  const resendButton = (d: DeliveryRow) =>
    canResend(d.status) ? (
      <button
        type="button"
        className={buttonClass("secondary", "px-3 whitespace-nowrap")}
        aria-label={format(t.sent.resendNamed, { target: d.target })}
        onClick={() => {
          resend.reset();
          setConfirm(d);
        }}
      >
        {t.sent.resend}
      </button>
    ) : null;

  return (
    <>
      {/* Phones: one card per delivery; the seven columns would only scroll sideways. */}
      <ul className="space-y-3 sm:hidden" aria-label={t.sent.caption}>
        {items.map((d) => (
          <li key={d.id} data-testid="delivery-card" className="rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="flex flex-wrap items-center gap-1.5">
                <Badge tone="info">{t.channels[d.channel] ?? d.channel}</Badge>
                <span className="font-mono text-xs break-all text-slate-700">{d.target}</span>
              </div>
              <div className="text-right">{status(d)}</div>
            </div>
            <p className="mt-2 font-medium text-slate-900">{t.templates[d.templateKey] ?? d.templateKey}</p>
            <p className="text-xs text-slate-600">
              {actionLabel(d.eventAction, locale)} · {request(d)}
            </p>
            <div className="mt-1 text-slate-700">{when(d)}</div>
            {d.lastResponse && <p className="mt-2 rounded-md bg-slate-50 px-2 py-1 text-xs break-words text-slate-700">{shortResponse(d.lastResponse)}</p>}
            {canResend(d.status) && <div className="mt-3">{resendButton(d)}</div>}
          </li>
        ))}
      </ul>
      <Table
        className="hidden sm:block"
        caption={t.sent.caption}
        captionHidden
        minWidth="min-w-[60rem]"
        head={
          <>
            <th scope="col" className={thClass()}>{t.sent.colWhen}</th>
            <th scope="col" className={thClass()}>{t.sent.colChannel}</th>
            <th scope="col" className={thClass()}>{t.sent.colWhat}</th>
            <th scope="col" className={thClass()}>{t.sent.colRequest}</th>
            <th scope="col" className={thClass()}>{t.sent.colStatus}</th>
            <th scope="col" className={thClass()}>{t.sent.colResponse}</th>
            <th scope="col" className={thClass()}>{t.sent.colActions}</th>
          </>
        }
      >
        {items.map((d) => {
          const response = shortResponse(d.lastResponse);
          return (
            <tr key={d.id} data-testid="delivery-row">
              <td className={tdClass("whitespace-nowrap")}>{when(d)}</td>
              <td className={tdClass()}>
                <Badge tone="info">{t.channels[d.channel] ?? d.channel}</Badge>
                <div className="mt-1 max-w-56 font-mono text-xs break-all text-slate-700">{d.target}</div>
              </td>
              <td className={tdClass()}>
                <span title={d.templateKey}>{t.templates[d.templateKey] ?? d.templateKey}</span>
                <div className="text-xs text-slate-600">{actionLabel(d.eventAction, locale)}</div>
              </td>
              <td className={tdClass("whitespace-nowrap")}>{request(d)}</td>
              <td className={tdClass("whitespace-nowrap")}>{status(d)}</td>
              <td className={tdClass("max-w-64 text-xs break-words text-slate-700")} title={d.lastResponse ?? undefined}>
                {response ?? t.sent.noResponse}
              </td>
              <td className={tdClass()}>{resendButton(d) ?? "—"}</td>
            </tr>
          );
        })}
      </Table>
      {query.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <button type="button" className={buttonClass("secondary")} disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {query.isFetchingNextPage && <Spinner />}
            {t.sent.loadMore}
          </button>
        </div>
      )}

      <ConfirmDialog
        open={confirm !== null}
        onCancel={() => setConfirm(null)}
        onConfirm={() => confirm && resendNow(confirm)}
        title={t.sent.resendTitle}
        body={confirm ? format(t.sent.resendBody, { channel: t.channels[confirm.channel] ?? confirm.channel, target: confirm.target }) : undefined}
        confirmLabel={t.sent.resend}
        pending={resend.isPending}
        error={serverFailure(resend.error)?.message}
      >
        {confirm?.status === "failed" && confirm.lastResponse ? (
          <p className="text-sm break-words text-slate-700">{format(t.sent.resendFailedBody, { response: shortResponse(confirm.lastResponse, 200) ?? "" })}</p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
