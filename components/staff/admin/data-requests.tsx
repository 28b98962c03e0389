"use client";

import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { dateTime, format } from "@/components/format";
import { dataRequestsMessages } from "@/components/i18n/data-requests-messages";
import { useLocale } from "@/components/i18n/locale-context";
import { useTRPC } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, tdClass, thClass } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { AppRouter } from "@/server/api/root";
import { serverFailure } from "./form-errors";

type Row = inferRouterOutputs<AppRouter>["admin"]["erasureRequests"][number];

/** Customers' erasure requests: the pending ones with a confirmed "fulfil", then what was done. */
export function DataRequests({ rows }: { rows: Row[] }) {
  const locale = useLocale();
  const m = dataRequestsMessages(locale);
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [confirming, setConfirming] = useState<Row | null>(null);
  const fulfil = useMutation(
    trpc.admin.fulfilErasure.mutationOptions({
      onSuccess: () => {
        toast.show(m.done, { tone: "success" });
        setConfirming(null);
        router.refresh();
      },
    }),
  );
  const failure = serverFailure(fulfil.error);
  const pending = rows.filter((r) => r.status === "pending");
  const done = rows.filter((r) => r.status !== "pending");
  const who = (r: Row) => (r.customerPhone ? `${r.customerName} ${r.customerPhone}` : `${r.customerName} ${m.anonymisedCustomer}`);

  return (
    <div className="space-y-8">
      <section aria-labelledby="pending-title">
        <h2 id="pending-title" className="mb-3 text-base font-semibold text-slate-900">
          {m.pendingTitle} <Badge tone={pending.length ? "warning" : "neutral"}>{pending.length}</Badge>
        </h2>
        {pending.length === 0 ? (
          <EmptyState icon="check" title={m.emptyTitle} body={m.emptyBody} headingLevel="h3" />
        ) : (
          <Table
            caption={m.pendingTitle}
            captionHidden
            minWidth="min-w-[32rem]"
            head={
              <>
                <th scope="col" className={thClass()}>{m.customer}</th>
                <th scope="col" className={thClass()}>{m.askedAt}</th>
                <th scope="col" className={thClass("text-right")}><span className="sr-only">{m.fulfil}</span></th>
              </>
            }
          >
            {pending.map((r) => (
              <tr key={r.id}>
                <td className={tdClass("tabular-nums")}>{who(r)}</td>
                <td className={tdClass("whitespace-nowrap")}>{dateTime(r.createdAt, locale)}</td>
                <td className={tdClass("text-right")}>
                  <button type="button" className={buttonClass("danger")} onClick={() => (fulfil.reset(), setConfirming(r))}>
                    {m.fulfil}
                  </button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      {done.length > 0 && (
        <section aria-labelledby="done-title">
          <h2 id="done-title" className="mb-3 text-base font-semibold text-slate-900">{m.doneTitle}</h2>
          <Table
            caption={m.doneTitle}
            captionHidden
            head={
              <>
                <th scope="col" className={thClass()}>{m.customer}</th>
                <th scope="col" className={thClass()}>{m.askedAt}</th>
                <th scope="col" className={thClass()}>{m.fulfilledAt}</th>
                <th scope="col" className={thClass()}>{m.result}</th>
              </>
            }
          >
            {done.map((r) => (
              <tr key={r.id}>
                <td className={tdClass("tabular-nums")}>{who(r)}</td>
                <td className={tdClass("whitespace-nowrap")}>{dateTime(r.createdAt, locale)}</td>
                <td className={tdClass("whitespace-nowrap")}>{r.fulfilledAt ? dateTime(r.fulfilledAt, locale) : ""}</td>
                <td className={tdClass()}>
                  {r.outcome && (
                    <ul className="space-y-0.5">
                      <li>{format(m.outcome, { count: r.outcome.anonymisedRequests })}</li>
                      {r.outcome.keptOpen.length > 0 && <li className="font-mono text-xs">{format(m.keptOpen, { list: r.outcome.keptOpen.join(", ") })}</li>}
                      {r.outcome.customerAnonymised && <li>{m.customerAnonymised}</li>}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        </section>
      )}

      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title={m.confirmTitle}
        description={confirming ? format(m.confirmBody, { customer: who(confirming) }) : undefined}
        dismissible={!fulfil.isPending}
        size="sm"
        footer={
          <>
            <button type="button" className={buttonClass("secondary")} disabled={fulfil.isPending} onClick={() => setConfirming(null)}>
              {m.cancel}
            </button>
            <button type="button" className={buttonClass("danger")} disabled={fulfil.isPending} onClick={() => confirming && fulfil.mutate({ id: confirming.id })}>
              {m.confirm}
            </button>
          </>
        }
      >
        {failure && <Alert>{failure.message}</Alert>}
      </Dialog>
    </div>
  );
}
