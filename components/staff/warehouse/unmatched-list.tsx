"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { dateTime, format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { warehouseMessages } from "@/components/i18n/warehouse-messages";
import { useTRPC } from "@/components/staff/trpc";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { TabLinks } from "@/components/ui/tab-links";
import { Table, tdClass, thClass } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { LinkDialog } from "./link-dialog";
import { PhotoStrip } from "./photo-strip";
import type { UnmatchedParcel } from "./types";

type Status = "open" | "linked";

/** Unmatched parcels, open or linked, newest first; the warehouse links an open one to its request. */
export function UnmatchedList({ status, canLink }: { status: Status; canLink: boolean }) {
  const locale = useLocale();
  const t = warehouseMessages(locale);
  const trpc = useTRPC();
  const toast = useToast();
  const [linking, setLinking] = useState<UnmatchedParcel | null>(null);
  const query = useInfiniteQuery(
    trpc.warehouse.unmatchedList.infiniteQueryOptions({ status }, { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 }),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  const tabs = (
    <TabLinks
      label={t.listTitle}
      tabs={(["open", "linked"] as const).map((s) => ({
        href: s === "open" ? "/dashboard/warehouse/unmatched" : "/dashboard/warehouse/unmatched?status=linked",
        label: s === "open" ? t.tabOpen : t.tabLinked,
        current: s === status,
      }))}
    />
  );

  let body;
  if (query.isPending) {
    body = (
      <p role="status" className="flex items-center gap-2 py-10 text-sm text-slate-700">
        <Spinner /> {t.finding}
      </p>
    );
  } else if (query.isError) {
    body = (
      <EmptyState
        role="alert"
        icon="error"
        iconTone="danger"
        title={t.loadFailed}
        body={query.error.message}
        action={
          <button type="button" className={buttonClass("primary")} onClick={() => void query.refetch()}>
            {t.retry}
          </button>
        }
      />
    );
  } else if (items.length === 0) {
    body = (
      <EmptyState
        icon="check"
        title={status === "open" ? t.emptyOpenTitle : t.emptyLinkedTitle}
        body={status === "open" ? t.emptyOpenBody : t.emptyLinkedBody}
        action={
          <a href="/dashboard/warehouse" className={buttonClass("secondary")}>
            {t.backToStation}
          </a>
        }
      />
    );
  } else {
    body = (
      <>
        <Table
          caption={status === "open" ? t.tabOpen : t.tabLinked}
          captionHidden
          minWidth="min-w-[48rem]"
          head={
            <>
              <th scope="col" className={thClass()}>{t.colTracking}</th>
              <th scope="col" className={thClass()}>{t.colCarrier}</th>
              <th scope="col" className={thClass()}>{t.colReceived}</th>
              <th scope="col" className={thClass()}>{t.colNote}</th>
              <th scope="col" className={thClass()}>{t.colPhotos}</th>
              <th scope="col" className={thClass()}>{status === "open" ? t.colActions : t.colRequest}</th>
            </>
          }
        >
          {items.map((p) => (
            <tr key={p.id}>
              <td className={tdClass("font-mono")}>{p.trackingNo}</td>
              <td className={tdClass()}>{p.carrier ? (t.carriers[p.carrier as keyof typeof t.carriers] ?? p.carrier) : "—"}</td>
              <td className={tdClass("whitespace-nowrap")}>
                {dateTime(p.recordedAt, locale)}
                <div className="text-xs text-slate-600">{p.recordedByName ?? "—"}</div>
              </td>
              <td className={tdClass("max-w-64")}>{p.note ?? "—"}</td>
              <td className={tdClass("w-48")}>{p.photos.length > 0 ? <PhotoStrip photos={p.photos} label={format(t.linkTitle, { code: p.trackingNo })} /> : "—"}</td>
              <td className={tdClass()}>
                {p.linked ? (
                  <>
                    <a href={`/dashboard/requests/${p.linked.requestId}`} className="font-mono font-medium text-accent-700 hover:underline">
                      {p.linked.rmaNo}
                    </a>
                    <div className="text-xs text-slate-600">
                      {dateTime(p.linked.linkedAt, locale)} · {p.linked.linkedByName ?? "—"}
                    </div>
                  </>
                ) : canLink ? (
                  <button type="button" className={buttonClass("secondary", "whitespace-nowrap")} onClick={() => setLinking(p)}>
                    {t.link}
                  </button>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </Table>
        {query.hasNextPage && (
          <div className="mt-4 flex justify-center">
            <button type="button" className={buttonClass("secondary")} disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              {query.isFetchingNextPage && <Spinner />}
              {t.loadMore}
            </button>
          </div>
        )}
      </>
    );
  }

  return (
    <>
      {tabs}
      {body}
      {linking && (
        <LinkDialog
          parcel={linking}
          onClose={() => setLinking(null)}
          onLinked={(rmaNo) => {
            setLinking(null);
            toast.show(format(t.linked, { rma: rmaNo }), { tone: "success" });
            void query.refetch();
          }}
        />
      )}
    </>
  );
}
