"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { format } from "@/components/format";
import { messages } from "@/components/i18n/messages";
import { useLocale } from "@/components/i18n/locale-context";
import { warehousesMessages } from "@/components/i18n/warehouses-messages";
import { serverFailure } from "@/components/staff/admin/form-errors";
import { useTRPC } from "@/components/staff/trpc";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import type { WarehouseList, WarehouseRow } from "./types";
import { WarehouseFormDialog } from "./warehouse-form-dialog";
import { ActiveToggle } from "@/components/staff/admin/active-toggle";

type Confirm = { kind: "default" | "deactivate"; row: WarehouseRow } | null;

/**
 * The warehouses, default first, each with what it receives and its address; add, edit,
 * deactivate / activate and make default. Every change carries the version this screen saw and
 * ends in router.refresh(); a conflict says so and reloads.
 */
export function WarehouseListView({ data }: { data: WarehouseList }) {
  const locale = useLocale();
  const t = warehousesMessages(locale);
  const channelNames = messages(locale).channels;
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [editing, setEditing] = useState<WarehouseRow | "new" | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const categoryName = new Map(data.categories.map((c) => [c.id, locale === "en" ? c.nameEn : c.nameZh]));

  const done = (message: string) => {
    toast.show(message, { tone: "success" });
    router.refresh();
  };
  const failed = (e: unknown) => {
    const f = serverFailure(e);
    toast.show(f?.message ?? t.network, { tone: "error" });
    if (f?.appCode === "version_conflict") router.refresh();
  };

  const setDefault = useMutation(
    trpc.warehouses.setDefault.mutationOptions({
      onSuccess: (r) => {
        setConfirm(null);
        done(format(t.defaultSet, { name: r.name }));
      },
    }),
  );
  const setActive = useMutation(
    trpc.warehouses.setActive.mutationOptions({
      onSuccess: (r) => {
        setConfirm(null);
        done(format(r.active ? t.activated : t.deactivated, { name: r.name }));
      },
      onError: (e) => {
        if (!confirm) failed(e);
      },
    }),
  );
  const busy = setDefault.isPending || setActive.isPending;

  return (
    <>
      <div className="mb-4 flex justify-end">
        <button type="button" className={buttonClass("primary")} onClick={() => setEditing("new")}>
          {t.add}
        </button>
      </div>

      {data.warehouses.length === 0 ? (
        <EmptyState title={t.emptyTitle} body={t.empty} />
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2" data-testid="warehouse-list">
          {data.warehouses.map((w) => (
            <li key={w.id}>
              <Card as="article" aria-label={w.name} className={`h-full ${w.active ? "" : "bg-slate-50"}`}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h2 className={`text-base font-semibold ${w.active ? "text-slate-900" : "text-slate-500"}`} lang="zh-CN">
                    {w.name}
                  </h2>
                  <p className="flex flex-wrap gap-1.5">
                    {w.isDefault && <Badge tone="accent">{t.default}</Badge>}
                    {w.active ? <Badge tone="success">{t.active}</Badge> : <Badge>{t.inactive}</Badge>}
                  </p>
                </div>
                <address className="mt-2 text-sm text-slate-800 not-italic">
                  <span className="block" lang="zh-CN">
                    {w.address}
                    {w.postalCode ? ` ${w.postalCode}` : ""}
                  </span>
                  <span className="block text-slate-600">
                    {t.contact}
                    {w.contactName} · {w.contactPhone}
                  </span>
                </address>
                {w.isDefault && w.channelCodes.length === 0 && w.categoryIds.length === 0 ? (
                  <p className="mt-3 text-sm text-slate-700">
                    {t.receives}
                    {locale === "en" ? ": " : "："}
                    {t.defaultReceives}
                  </p>
                ) : (
                  <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="text-slate-600">{t.channels}</dt>
                    <dd className="text-slate-900">{w.channelCodes.length ? w.channelCodes.map((c) => channelNames[c]).join(locale === "en" ? ", " : "、") : t.allChannels}</dd>
                    <dt className="text-slate-600">{t.categories}</dt>
                    <dd className="text-slate-900">
                      {w.categoryIds.length ? w.categoryIds.map((id) => categoryName.get(id) ?? "?").join(locale === "en" ? ", " : "、") : t.allCategories}
                    </dd>
                  </dl>
                )}
                <div className="mt-4 flex flex-wrap gap-2">
                  <button type="button" className={buttonClass("secondary", "px-3")} disabled={busy} onClick={() => setEditing(w)} aria-label={format(t.editNamed, { name: w.name })}>
                    {t.edit}
                  </button>
                  {!w.isDefault && (
                    <button type="button" className={buttonClass("secondary", "px-3")} disabled={busy} onClick={() => setConfirm({ kind: "default", row: w })}>
                      {t.makeDefault}
                    </button>
                  )}
                  {w.isDefault ? (
                    <span className="inline-flex min-h-11 items-center px-1 text-xs text-slate-600">{t.defaultLocked}</span>
                  ) : (
                    <ActiveToggle active={w.active} busy={busy} onDeactivate={() => setConfirm({ kind: "deactivate", row: w })} onActivate={() => setActive.mutate({ id: w.id, version: w.version, active: true })} deactivateLabel={t.deactivate} activateLabel={t.activate} />
                  )}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}

      <WarehouseFormDialog
        open={editing !== null}
        row={editing === "new" ? null : editing}
        categories={data.categories}
        onClose={() => setEditing(null)}
        onSaved={(name, created) => {
          setEditing(null);
          done(created ? format(t.created, { name }) : t.saved);
        }}
      />

      <ConfirmDialog
        open={confirm !== null}
        onCancel={() => {
          setConfirm(null);
          setDefault.reset();
          setActive.reset();
        }}
        onConfirm={() => {
          if (!confirm) return;
          if (confirm.kind === "default") setDefault.mutate({ id: confirm.row.id, version: confirm.row.version });
          else setActive.mutate({ id: confirm.row.id, version: confirm.row.version, active: false });
        }}
        title={confirm ? format(confirm.kind === "default" ? t.makeDefaultNamed : t.deactivateNamed, { name: confirm.row.name }) : ""}
        body={confirm?.kind === "default" ? t.makeDefaultBody : t.deactivateBody}
        confirmLabel={confirm?.kind === "default" ? t.makeDefault : t.deactivate}
        tone={confirm?.kind === "deactivate" ? "danger" : "primary"}
        pending={busy}
        error={serverFailure(confirm?.kind === "default" ? setDefault.error : setActive.error)?.message}
      />
    </>
  );
}
