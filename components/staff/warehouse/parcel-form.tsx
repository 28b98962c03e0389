"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useImperativeHandle, useRef, useState, type RefObject } from "react";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { warehouseMessages } from "@/components/i18n/warehouse-messages";
import { isConflict } from "@/components/staff/request/actions/outcome";
import { useTRPC } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { DISPOSITIONS, ITEM_CONDITIONS } from "@/server/domain/vocabulary";
import { defaultDrafts, isEdited, parsedQuantity, remainingOf, type LineDraft } from "./parcel-form-state";
import { TablePhotos, type TablePhoto } from "./table-photos";
import type { ReceiptResult, ScanRequest } from "./types";

/** The station's Enter in the empty scan field: the form's next step. */
export interface PrimaryStep {
  run: () => void;
}

/**
 * One parcel at the table: per line the quantity (what is still to come), condition (intact),
 * disposition (restock) and a note; photos and a note for the parcel; whether more parcels follow.
 * The defaults are a matching parcel, so the clerk confirms "all intact" and records: the station's
 * Enter in the empty scan field does the next of those two steps (`primary`).
 */
export function ParcelForm({
  request,
  primary,
  onRecorded,
  onConflict,
}: {
  request: ScanRequest;
  primary: RefObject<PrimaryStep | null>;
  onRecorded: (result: ReceiptResult) => void;
  onConflict: () => void;
}) {
  const t = warehouseMessages(useLocale());
  const trpc = useTRPC();
  const formId = useId();
  const [drafts, setDrafts] = useState<LineDraft[]>(() => defaultDrafts(request.lines));
  const [confirmed, setConfirmed] = useState(false);
  const [close, setClose] = useState(false);
  const [note, setNote] = useState("");
  const [photos, setPhotos] = useState<TablePhoto[]>([]);
  const [invalid, setInvalid] = useState<Set<number>>(new Set());
  const [conflict, setConflict] = useState(false);
  const recordButton = useRef<HTMLButtonElement>(null);

  const failed = (e: { message: string; data?: { appCode?: string | null } | null }) => {
    if (isConflict(e)) {
      setConflict(true);
      onConflict();
    }
  };
  const record = useMutation(trpc.warehouse.recordParcel.mutationOptions({ onSuccess: onRecorded, onError: failed }));
  const closeNow = useMutation(trpc.warehouse.closeReceipt.mutationOptions({ onSuccess: onRecorded, onError: failed }));
  const pending = record.isPending || closeNow.isPending;
  const edited = isEdited(drafts, request.lines);

  const update = (i: number, patch: Partial<LineDraft>) => setDrafts((d) => d.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const allIntact = () => {
    setDrafts((d) => d.map((x) => ({ ...x, condition: "as_new", disposition: "restock" })));
    setConfirmed(true);
  };
  const submit = () => {
    if (pending) return;
    const quantities = drafts.map((d, i) => parsedQuantity(d, request.lines[i]!));
    const bad = new Set(quantities.flatMap((q, i) => (q === null ? [i] : [])));
    setInvalid(bad);
    if (bad.size > 0) return;
    setConflict(false);
    record.mutate({
      requestId: request.id,
      version: request.version,
      note: note.trim() || undefined,
      photoIds: photos.length ? photos.map((p) => p.id) : undefined,
      close,
      lines: drafts.map((d, i) => ({ returnLineId: d.returnLineId, quantity: quantities[i]!, condition: d.condition, disposition: d.disposition, note: d.note.trim() || undefined })),
    });
  };

  // The station's Enter: confirm the defaults first, then record (a changed form is already confirmed).
  useImperativeHandle(primary, () => ({ run: () => (confirmed || edited ? submit() : allIntact()) }));

  const error = record.error ?? closeNow.error;
  const quantityError = (l: ScanRequest["lines"][number]) => format(t.quantityInvalid, { max: l.expectedQuantity });

  return (
    <form
      id={formId}
      aria-label={t.parcelForm}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {request.lines.map((l, i) => {
        const d = drafts[i]!;
        return (
          <fieldset key={l.returnLineId} className="rounded-lg p-3 ring-1 ring-slate-200">
            <legend className="px-1 text-sm font-semibold text-slate-900">{format(t.lineHeading, { title: l.title, expected: l.expectedQuantity, remaining: remainingOf(l) })}</legend>
            <div className="grid grid-cols-2 gap-3 lg:grid-cols-[8rem_1fr_1fr_2fr]">
              <Field label={t.receivedQty} error={invalid.has(i) ? quantityError(l) : null}>
                <input type="number" min={0} max={l.expectedQuantity} inputMode="numeric" value={d.quantity} onChange={(e) => update(i, { quantity: e.target.value })} className={inputClass} />
              </Field>
              <Field label={t.condition}>
                <select value={d.condition} onChange={(e) => update(i, { condition: e.target.value as LineDraft["condition"] })} className={inputClass}>
                  {ITEM_CONDITIONS.map((c) => (
                    <option key={c} value={c}>
                      {t.conditions[c]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t.disposition}>
                <select value={d.disposition} onChange={(e) => update(i, { disposition: e.target.value as LineDraft["disposition"] })} className={inputClass}>
                  {DISPOSITIONS.map((c) => (
                    <option key={c} value={c}>
                      {t.dispositions[c]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t.note} className="col-span-2 lg:col-span-1">
                <input type="text" value={d.note} maxLength={500} placeholder={t.notePlaceholder} onChange={(e) => update(i, { note: e.target.value })} className={inputClass} />
              </Field>
            </div>
          </fieldset>
        );
      })}

      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-1.5">
          <span className="block text-sm font-medium text-slate-800">{t.photos}</span>
          <TablePhotos photos={photos} onChange={setPhotos} />
        </div>
        <Field label={t.parcelNote}>
          <input type="text" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} className={inputClass} />
        </Field>
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t.receiptChoice}</legend>
        <div className="mt-1.5 flex flex-col gap-1 sm:flex-row sm:gap-6">
          <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
            <input type="radio" name={`${formId}-close`} checked={!close} onChange={() => setClose(false)} className="size-4 accent-accent-700" />
            {t.moreToCome}
          </label>
          <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
            <input type="radio" name={`${formId}-close`} checked={close} onChange={() => setClose(true)} className="size-4 accent-accent-700" />
            {t.closeReceipt}
          </label>
        </div>
      </fieldset>

      {conflict && <Alert>{t.conflict}</Alert>}
      {error && !conflict && <Alert>{error.message}</Alert>}

      <div className="flex flex-col gap-2 border-t border-slate-200 pt-4 sm:flex-row sm:items-center">
        <p className="text-xs text-slate-600 sm:mr-auto">{t.enterHint}</p>
        {request.parcels.length > 0 && (
          <button type="button" disabled={pending} onClick={() => closeNow.mutate({ requestId: request.id, version: request.version })} className={buttonClass("ghost")}>
            {closeNow.isPending && <Spinner />}
            {t.closeWithArrived}
          </button>
        )}
        <button type="button" aria-pressed={confirmed} onClick={allIntact} disabled={pending} className={buttonClass(confirmed || edited ? "secondary" : "primary")}>
          {confirmed ? `✓ ${t.allIntactDone}` : t.allIntact}
        </button>
        <button ref={recordButton} type="submit" disabled={pending} aria-busy={record.isPending} className={buttonClass(confirmed || edited ? "primary" : "secondary")}>
          {record.isPending && <Spinner />}
          {record.isPending ? t.recording : t.record}
        </button>
      </div>
    </form>
  );
}
