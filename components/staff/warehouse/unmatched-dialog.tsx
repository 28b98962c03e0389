"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useLocale } from "@/components/i18n/locale-context";
import { warehouseMessages } from "@/components/i18n/warehouse-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { CARRIERS } from "@/server/schemas/customer";
import { TablePhotos, type TablePhoto } from "./table-photos";
import type { UnmatchedParcel } from "./types";

type Carrier = (typeof CARRIERS)[number];

/** A parcel nothing matched: tracking number (the scan, prefilled), carrier, photos, a note — so it is not lost. */
export function UnmatchedDialog({ open, trackingNo, onClose, onSaved }: { open: boolean; trackingNo: string; onClose: () => void; onSaved: (parcel: UnmatchedParcel) => void }) {
  const t = warehouseMessages(useLocale());
  const trpc = useTRPC();
  const [tracking, setTracking] = useState(trackingNo);
  const [carrier, setCarrier] = useState<Carrier | "">("");
  const [note, setNote] = useState("");
  const [photos, setPhotos] = useState<TablePhoto[]>([]);
  const save = useMutation(trpc.warehouse.recordUnmatched.mutationOptions({ onSuccess: onSaved }));
  const fieldErrors = (save.error?.data as { fieldErrors?: Record<string, string> | null } | undefined)?.fieldErrors;
  const submit = () =>
    save.mutate({ trackingNo: tracking.trim(), carrier: carrier || undefined, note: note.trim() || undefined, photoIds: photos.length ? photos.map((p) => p.id) : undefined });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t.unmatchedDialogTitle}
      description={t.unmatchedDialogBody}
      dismissible={!save.isPending}
      footer={
        <>
          <button type="button" onClick={onClose} disabled={save.isPending} className={buttonClass("secondary")}>
            {t.cancel}
          </button>
          <button type="submit" form="unmatched-form" disabled={save.isPending} aria-busy={save.isPending} className={buttonClass("primary")}>
            {save.isPending && <Spinner />}
            {save.isPending ? t.saving : t.save}
          </button>
        </>
      }
    >
      <form
        id="unmatched-form"
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label={t.trackingNo} error={fieldErrors?.trackingNo ?? null}>
          <input type="text" value={tracking} onChange={(e) => setTracking(e.target.value)} autoComplete="off" spellCheck={false} className={`${inputClass} font-mono`} />
        </Field>
        <Field label={t.carrier}>
          <select value={carrier} onChange={(e) => setCarrier(e.target.value as Carrier | "")} className={inputClass}>
            <option value="">{t.carrierNone}</option>
            {CARRIERS.map((c) => (
              <option key={c} value={c}>
                {t.carriers[c]}
              </option>
            ))}
          </select>
        </Field>
        <div className="space-y-1.5">
          <span className="block text-sm font-medium text-slate-800">{t.photos}</span>
          <TablePhotos photos={photos} onChange={setPhotos} />
        </div>
        <Field label={t.note}>
          <textarea rows={2} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} className={inputClass} />
        </Field>
        {save.error && !fieldErrors && <Alert>{save.error.message}</Alert>}
      </form>
    </Dialog>
  );
}
