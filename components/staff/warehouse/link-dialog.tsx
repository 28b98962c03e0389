"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { warehouseMessages } from "@/components/i18n/warehouse-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { UnmatchedParcel } from "./types";

/** Links an unmatched parcel to the request it belongs to, by RMA (typed or scanned into the field). */
export function LinkDialog({ parcel, onClose, onLinked }: { parcel: UnmatchedParcel; onClose: () => void; onLinked: (rmaNo: string) => void }) {
  const t = warehouseMessages(useLocale());
  const trpc = useTRPC();
  const [rma, setRma] = useState("");
  const link = useMutation(trpc.warehouse.linkUnmatched.mutationOptions({ onSuccess: (r) => onLinked(r.rmaNo) }));
  const fieldErrors = (link.error?.data as { fieldErrors?: Record<string, string> | null } | undefined)?.fieldErrors;
  return (
    <Dialog
      open
      onClose={onClose}
      title={format(t.linkTitle, { code: parcel.trackingNo })}
      description={t.linkBody}
      size="sm"
      dismissible={!link.isPending}
      footer={
        <>
          <button type="button" onClick={onClose} disabled={link.isPending} className={buttonClass("secondary")}>
            {t.cancel}
          </button>
          <button type="submit" form="link-form" disabled={link.isPending} aria-busy={link.isPending} className={buttonClass("primary")}>
            {link.isPending && <Spinner />}
            {link.isPending ? t.linking : t.link}
          </button>
        </>
      }
    >
      <form
        id="link-form"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          link.mutate({ parcelId: parcel.id, rmaNo: rma.trim().toUpperCase() });
        }}
      >
        <Field label={t.rmaNo} error={fieldErrors?.rmaNo ?? null}>
          <input type="text" value={rma} onChange={(e) => setRma(e.target.value)} autoComplete="off" spellCheck={false} placeholder="RMA…" className={`${inputClass} font-mono`} />
        </Field>
        {link.error && !fieldErrors?.rmaNo && <Alert>{link.error.message}</Alert>}
      </form>
    </Dialog>
  );
}
