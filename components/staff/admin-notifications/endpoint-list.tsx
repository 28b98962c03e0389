"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { dateTime, format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { notificationsMessages } from "@/components/i18n/notifications-messages";
import { OneTimeSecretDialog } from "@/components/staff/admin/one-time-secret-dialog";
import { serverFailure } from "@/components/staff/admin/form-errors";
import { useTRPC } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import { deliveryStatusTone, eventsSummary } from "./delivery-view";
import { EndpointFormDialog } from "./endpoint-form-dialog";
import type { EndpointRow } from "./types";
import { ActiveToggle } from "@/components/staff/admin/active-toggle";

type Confirm = { kind: "rotate" | "deactivate"; row: EndpointRow } | null;

/**
 * The integrator webhooks with where they point, what they follow and how the last delivery
 * went; add, edit, rotate the secret (shown once), deactivate / activate. Every change ends in
 * router.refresh() and a toast.
 */
export function EndpointList({ rows }: { rows: EndpointRow[] }) {
  const locale = useLocale();
  const m = notificationsMessages(locale);
  const t = m.webhooks;
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [editing, setEditing] = useState<EndpointRow | "new" | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);

  const done = (message: string) => {
    toast.show(message, { tone: "success" });
    router.refresh();
  };

  const save = useMutation(trpc.notifications.saveEndpoint.mutationOptions());
  const rotate = useMutation(trpc.notifications.rotateSecret.mutationOptions());
  const busy = save.isPending || rotate.isPending;

  const setActive = (row: EndpointRow, active: boolean) =>
    save.mutate(
      { id: row.id, name: row.name, url: row.url, events: row.events, active },
      {
        onSuccess: () => {
          setConfirm(null);
          done(format(active ? t.activated : t.deactivated, { name: row.name }));
        },
        onError: (e) => {
          if (active) toast.show(serverFailure(e)?.message ?? m.network, { tone: "error" });
        },
      },
    );

  return (
    <>
      <div className="mb-4 flex justify-end">
        <button type="button" className={buttonClass("primary")} onClick={() => setEditing("new")}>
          {t.add}
        </button>
      </div>

      {rows.length === 0 ? (
        <EmptyState title={t.emptyTitle} body={t.emptyBody} />
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2" data-testid="endpoint-list">
          {rows.map((e) => (
            <li key={e.id}>
              <Card as="article" aria-label={e.name} className={`h-full ${e.active ? "" : "bg-slate-50"}`}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h2 className={`text-base font-semibold ${e.active ? "text-slate-900" : "text-slate-500"}`}>{e.name}</h2>
                  {e.active ? <Badge tone="success">{t.active}</Badge> : <Badge>{t.inactive}</Badge>}
                </div>
                <p className="mt-1 font-mono text-sm break-all text-slate-700">{e.url}</p>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-600">{t.events}</dt>
                  <dd className="text-slate-900">{eventsSummary(e.events, locale, t.allEvents)}</dd>
                  <dt className="text-slate-600">{t.lastDelivery}</dt>
                  <dd className="text-slate-900">
                    {e.lastDelivery ? (
                      <span className="inline-flex flex-wrap items-center gap-2">
                        <Badge tone={deliveryStatusTone(e.lastDelivery.status)}>{m.statuses[e.lastDelivery.status] ?? e.lastDelivery.status}</Badge>
                        <time dateTime={e.lastDelivery.at.toISOString()}>{dateTime(e.lastDelivery.at, locale)}</time>
                      </span>
                    ) : (
                      t.never
                    )}
                  </dd>
                </dl>
                <div className="mt-4 flex flex-wrap gap-2">
                  <button type="button" className={buttonClass("secondary", "px-3")} disabled={busy} onClick={() => setEditing(e)} aria-label={format(t.editNamed, { name: e.name })}>
                    {t.edit}
                  </button>
                  <button type="button" className={buttonClass("secondary", "px-3")} disabled={busy} onClick={() => setConfirm({ kind: "rotate", row: e })}>
                    {t.rotate}
                  </button>
                  <ActiveToggle active={e.active} busy={busy} onDeactivate={() => setConfirm({ kind: "deactivate", row: e })} onActivate={() => setActive(e, true)} deactivateLabel={t.deactivate} activateLabel={t.activate} />
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}

      <EndpointFormDialog
        open={editing !== null}
        row={editing === "new" ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          done(format(saved.created ? t.created : t.saved, { name: saved.name }));
          if (saved.secret) setSecret({ name: saved.name, secret: saved.secret });
        }}
      />

      <ConfirmDialog
        open={confirm !== null}
        onCancel={() => {
          setConfirm(null);
          save.reset();
          rotate.reset();
        }}
        onConfirm={() => {
          if (!confirm) return;
          const row = confirm.row;
          if (confirm.kind === "deactivate") setActive(row, false);
          else
            rotate.mutate(
              { id: row.id },
              {
                onSuccess: (r) => {
                  setConfirm(null);
                  done(format(t.rotated, { name: row.name }));
                  setSecret({ name: row.name, secret: r.secret });
                },
              },
            );
        }}
        title={confirm ? format(confirm.kind === "rotate" ? t.rotateNamed : t.deactivateNamed, { name: confirm.row.name }) : ""}
        body={confirm?.kind === "rotate" ? t.rotateBody : t.deactivateBody}
        confirmLabel={confirm?.kind === "rotate" ? t.rotate : t.deactivate}
        tone={confirm?.kind === "deactivate" ? "danger" : "primary"}
        pending={busy}
        error={serverFailure(confirm?.kind === "rotate" ? rotate.error : save.error)?.message}
      />

      <OneTimeSecretDialog
        secret={secret?.secret ?? null}
        testId="webhook-secret"
        onClose={() => setSecret(null)}
        words={{
          title: t.secretTitle,
          body: secret ? format(t.secretBody, { name: secret.name }) : "",
          label: t.secretLabel,
          copy: t.copy,
          copied: t.copied,
          copyFailed: t.copyFailed,
          done: t.done,
        }}
        warning={
          <Alert tone="info" live={false}>
            {t.secretWarning}
          </Alert>
        }
      />
    </>
  );
}
