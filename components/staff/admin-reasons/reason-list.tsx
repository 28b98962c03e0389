"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ReasonsMessages } from "@/components/i18n/reasons-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import type { Locale } from "@/server/i18n/locale";
import { AddReasonForm, type NewReason } from "./add-reason-form";
import { failureOf } from "./failure";
import { ReasonItem } from "./reason-item";
import { RenameDialog } from "./rename-dialog";
import { fill, type ReasonKind, type ReasonRow } from "./types";

interface Props {
  kind: ReasonKind;
  /** Read by the page on the server; every change ends in router.refresh(), which reads them again. */
  rows: ReasonRow[];
  locale: Locale;
  t: ReasonsMessages;
}

/**
 * One kind of reason (customer or rejection): the list in picker order with its actions, and a
 * form to add one. Every change carries the version this screen saw; a conflict says so and
 * reloads the list instead of overwriting someone else's change.
 */
export function ReasonList({ kind, rows, locale, t }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [renaming, setRenaming] = useState<ReasonRow | null>(null);
  const [retiring, setRetiring] = useState<ReasonRow | null>(null);
  const nameOf = (r: ReasonRow | null) => (r ? (locale === "en" ? r.nameEn : r.nameZh) : "");

  const done = (message: string) => {
    toast.show(message, { tone: "success" });
    router.refresh();
  };
  const failed = (e: unknown) => {
    const failure = failureOf(e, t.network)!;
    toast.show(failure.message, { tone: "error" });
    if (failure.conflict) router.refresh();
  };

  const move = useMutation(trpc.reasons.move.mutationOptions({ onSuccess: () => done(t.saved), onError: failed }));
  const photo = useMutation(trpc.reasons.setPhotoRequired.mutationOptions({ onSuccess: () => done(t.saved), onError: failed }));
  const restore = useMutation(trpc.reasons.restore.mutationOptions({ onSuccess: (r) => done(fill(t.restored, { name: nameOf(r) })), onError: failed }));
  const retire = useMutation(
    trpc.reasons.retire.mutationOptions({
      onSuccess: (r) => {
        setRetiring(null);
        done(fill(t.retiredToast, { name: nameOf(r) }));
      },
    }),
  );
  const rename = useMutation(
    trpc.reasons.rename.mutationOptions({
      onSuccess: () => {
        setRenaming(null);
        done(t.saved);
      },
    }),
  );
  const create = useMutation(trpc.reasons.create.mutationOptions({ onSuccess: (r) => done(fill(t.added, { name: nameOf(r) })) }));

  const busy = move.isPending || photo.isPending || restore.isPending || retire.isPending || rename.isPending;
  const headingId = `reasons-${kind}-heading`;
  const activeCount = rows.filter((r) => !r.retired).length;

  return (
    <Card as="section" padding="none" aria-labelledby={headingId} className="overflow-hidden">
      <CardHeader
        id={headingId}
        title={t.kinds[kind].title}
        description={t.kinds[kind].intro}
        actions={<span className="text-sm text-slate-600 tabular-nums">{fill(t.activeCount, { n: String(activeCount), total: String(rows.length) })}</span>}
        className="border-b border-slate-200 px-4 py-3"
      />

      {rows.length === 0 ? (
        <EmptyState title={t.emptyTitle} body={t.empty} headingLevel="h3" className="rounded-none shadow-none ring-0" />
      ) : (
        <ol aria-labelledby={headingId} className="divide-y divide-slate-100">
          {rows.map((row, i) => (
            <ReasonItem
              key={row.id}
              row={row}
              first={i === 0}
              last={i === rows.length - 1}
              locale={locale}
              t={t}
              busy={busy}
              onMove={(direction) => move.mutate({ id: row.id, version: row.version, direction })}
              onPhoto={(photoRequired) => photo.mutate({ id: row.id, version: row.version, photoRequired })}
              onRename={() => {
                rename.reset();
                setRenaming(row);
              }}
              onRetire={() => {
                retire.reset();
                setRetiring(row);
              }}
              onRestore={() => restore.mutate({ id: row.id, version: row.version })}
            />
          ))}
        </ol>
      )}

      <AddReasonForm
        kind={kind}
        t={t}
        pending={create.isPending}
        failure={failureOf(create.error, t.network)}
        onAdd={async (reason: NewReason) => {
          try {
            await create.mutateAsync({ kind, ...reason });
            return true;
          } catch {
            return false;
          }
        }}
      />

      <RenameDialog
        row={renaming}
        name={nameOf(renaming)}
        t={t}
        pending={rename.isPending}
        failure={failureOf(rename.error, t.network)}
        onCancel={() => setRenaming(null)}
        onSave={(nameZh, nameEn) => renaming && rename.mutate({ id: renaming.id, version: renaming.version, nameZh, nameEn })}
      />

      <ConfirmDialog
        open={retiring !== null}
        onCancel={() => setRetiring(null)}
        onConfirm={() => retiring && retire.mutate({ id: retiring.id, version: retiring.version })}
        title={fill(t.retireNamed, { name: nameOf(retiring) })}
        body={t.retireBody[kind]}
        confirmLabel={t.retire}
        pending={retire.isPending}
        error={failureOf(retire.error, t.network)?.message}
      />
    </Card>
  );
}
