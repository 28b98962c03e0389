"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { notificationsMessages } from "@/components/i18n/notifications-messages";
import { serverFailure } from "@/components/staff/admin/form-errors";
import { useTRPC } from "@/components/staff/trpc";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import { STAFF_ROLES, type StaffRole } from "@/server/domain/vocabulary";
import { ROLE_NAMES, term } from "@/server/i18n/domain-terms";
import { ChannelFormDialog } from "./channel-form-dialog";
import type { StaffChannelRow } from "./types";
import { ActiveToggle } from "@/components/staff/admin/active-toggle";

/** Removing asks first; (de)activating is undone with one click, so it does not. */
type Confirm = { row: StaffChannelRow } | null;

/**
 * Where each role hears about new work and overdue items, one card per role: its WeCom robots
 * and e-mail addresses; add, edit, deactivate / activate, remove. Every change ends in
 * router.refresh() and a toast.
 */
export function ChannelList({ rows }: { rows: StaffChannelRow[] }) {
  const locale = useLocale();
  const m = notificationsMessages(locale);
  const t = m.staffChannels;
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [editing, setEditing] = useState<{ row: StaffChannelRow | null; role: StaffRole } | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const roleName = (r: StaffRole) => term(ROLE_NAMES, r, locale);
  const kindName = (k: string) => t.kinds[k] ?? k;

  const done = (message: string) => {
    toast.show(message, { tone: "success" });
    router.refresh();
  };
  const failed = (e: unknown) => toast.show(serverFailure(e)?.message ?? m.network, { tone: "error" });

  const save = useMutation(trpc.notifications.saveChannel.mutationOptions());
  const remove = useMutation(trpc.notifications.removeChannel.mutationOptions());
  const busy = save.isPending || remove.isPending;

  const setActive = (row: StaffChannelRow, active: boolean) =>
    save.mutate({ id: row.id, role: row.role, kind: row.kind, target: row.target, active }, {
      onSuccess: () => done(format(active ? t.activated : t.deactivated, { target: row.target })),
      onError: failed,
    });

  const addButton = (
    <button type="button" className={buttonClass("primary")} onClick={() => setEditing({ row: null, role: "customer_service" })}>
      {t.add}
    </button>
  );

  return (
    <>
      {rows.length === 0 ? (
        <EmptyState title={t.emptyTitle} body={t.emptyBody} action={addButton} />
      ) : (
        <>
          <div className="mb-4 flex justify-end">{addButton}</div>
          <ul className="grid gap-4 lg:grid-cols-2" data-testid="channel-list">
            {STAFF_ROLES.map((role) => {
              const mine = rows.filter((r) => r.role === role);
              return (
                <li key={role}>
                  <Card as="section" aria-label={roleName(role)} className="h-full">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <h2 className="text-base font-semibold text-slate-900">{roleName(role)}</h2>
                      <button type="button" className={buttonClass("ghost", "px-3")} disabled={busy} onClick={() => setEditing({ row: null, role })}>
                        + {t.add}
                      </button>
                    </div>
                    {mine.length === 0 ? (
                      <p className="mt-2 text-sm text-slate-600">{t.noneForRole}</p>
                    ) : (
                      <ul className="mt-2 divide-y divide-slate-100">
                        {mine.map((c) => (
                          <li key={c.id} className="py-3" data-testid="staff-channel">
                            <div className="flex flex-wrap items-center gap-2">
                              <Badge tone="info">{kindName(c.kind)}</Badge>
                              {c.active ? <Badge tone="success">{t.active}</Badge> : <Badge>{t.inactive}</Badge>}
                            </div>
                            <p className={`mt-1 font-mono text-sm break-all ${c.active ? "text-slate-800" : "text-slate-500"}`}>{c.target}</p>
                            <div className="mt-2 flex flex-wrap gap-2">
                              <button
                                type="button"
                                className={buttonClass("secondary", "px-3")}
                                disabled={busy}
                                aria-label={format(t.editNamed, { role: roleName(c.role), kind: kindName(c.kind) })}
                                onClick={() => setEditing({ row: c, role: c.role })}
                              >
                                {t.edit}
                              </button>
                              <ActiveToggle active={c.active} busy={busy} onDeactivate={() => setActive(c, false)} onActivate={() => setActive(c, true)} deactivateLabel={t.deactivate} activateLabel={t.activate} />
                              <button type="button" className={buttonClass("ghost", "px-3 text-red-700! hover:bg-red-50")} disabled={busy} onClick={() => setConfirm({ row: c })}>
                                {t.remove}
                              </button>
                            </div>
                          </li>
                        ))}
                      </ul>
                    )}
                  </Card>
                </li>
              );
            })}
          </ul>
        </>
      )}

      <ChannelFormDialog
        open={editing !== null}
        row={editing?.row ?? null}
        defaultRole={editing?.role}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          done(saved.created ? format(t.created, { role: roleName(saved.role), kind: kindName(saved.kind) }) : t.saved);
        }}
      />

      <ConfirmDialog
        open={confirm !== null}
        onCancel={() => {
          setConfirm(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (!confirm) return;
          const row = confirm.row;
          remove.mutate(
            { id: row.id },
            {
              onSuccess: () => {
                setConfirm(null);
                done(format(t.removed, { target: row.target }));
              },
            },
          );
        }}
        title={confirm ? format(t.removeNamed, { role: roleName(confirm.row.role), kind: kindName(confirm.row.kind) }) : ""}
        body={confirm ? format(t.removeBody, { target: confirm.row.target }) : undefined}
        confirmLabel={t.remove}
        tone="danger"
        pending={busy}
        error={serverFailure(remove.error)?.message}
      />
    </>
  );
}
