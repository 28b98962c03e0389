"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { format, yuan } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { refundMessages } from "@/components/i18n/refund-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { validationMessage } from "@/server/i18n/errors";
import { OFFLINE_METHODS, recordOfflineRefundInput } from "@/server/schemas/refunds";
import { ActionDialog } from "../actions/action-dialog";
import { fieldMessage } from "../actions/field-message";
import { useOutcome } from "../actions/outcome";
import type { RefundPanelData } from "./types";

type Values = z.input<typeof recordOfflineRefundInput>;
type Upload = { state: "idle" } | { state: "uploading" } | { state: "done"; id: string } | { state: "failed"; message: string };

/**
 * Record a bank-transfer or cash refund finance paid by hand: the reference, the method and an
 * image of the receipt (uploaded first through the photo pipeline). The amount is what is still
 * to pay; recording it completes the request.
 */
export function OfflineDialog({ panel, onClose, onConflict }: { panel: RefundPanelData; onClose: () => void; onConflict: () => void }) {
  const locale = useLocale();
  const m = refundMessages(locale);
  const trpc = useTRPC();
  const outcome = useOutcome(onConflict);
  const [upload, setUpload] = useState<Upload>({ state: "idle" });
  const mutation = useMutation(
    trpc.refunds.recordOffline.mutationOptions({
      onSuccess: () => {
        onClose();
        outcome.succeeded("record_offline_refund");
      },
      onError: (e) => {
        if (outcome.failed(e)) onClose();
      },
    }),
  );
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors },
  } = useForm<Values, unknown, z.output<typeof recordOfflineRefundInput>>({
    resolver: zodResolver(recordOfflineRefundInput, { error: (issue) => validationMessage(issue as never, locale) }),
    defaultValues: { requestId: panel.requestId, version: panel.version, reference: "", method: "bank_transfer", comment: "" },
  });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setUpload({ state: "uploading" });
    const body = new FormData();
    body.set("photo", file);
    try {
      const res = await fetch("/api/staff/refund-receipts", { method: "POST", body, headers: { "Accept-Language": locale } });
      const json = (await res.json().catch(() => null)) as { id?: string; message?: string } | null;
      if (!res.ok || !json?.id) throw new Error(json?.message ?? m.uploadFailed);
      setUpload({ state: "done", id: json.id });
      setValue("receiptId", json.id, { shouldValidate: true });
    } catch (e) {
      setUpload({ state: "failed", message: e instanceof Error ? e.message : m.uploadFailed });
    }
  };

  const server = mutation.error?.data?.fieldErrors;
  return (
    <ActionDialog
      formId="form-record-offline-refund"
      title={m.offlineTitle}
      description={format(m.offlineHint, { amount: yuan(panel.toPayFen) })}
      onClose={onClose}
      pending={mutation.isPending || upload.state === "uploading"}
      error={mutation.error && !server ? mutation.error.message : null}
      confirmLabel={m.offline}
      onSubmit={handleSubmit((values) => mutation.mutate(values))}
    >
      <Field label={m.method} error={fieldMessage(errors.method?.message, locale) ?? server?.method}>
        {(p) => (
          <select {...p} {...register("method")} className={inputClass}>
            {OFFLINE_METHODS.map((method) => (
              <option key={method} value={method}>
                {m.offlineMethods[method]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={m.reference} error={fieldMessage(errors.reference?.message, locale) ?? server?.reference}>
        {(p) => <input {...p} autoComplete="off" {...register("reference")} className={inputClass} />}
      </Field>
      <Field
        label={m.receiptUpload}
        hint={upload.state === "uploading" ? m.uploading : upload.state === "done" ? m.uploaded : undefined}
        error={upload.state === "failed" ? upload.message : (fieldMessage(errors.receiptId?.message, locale) ?? server?.receiptId)}
      >
        {(p) => <input {...p} type="file" accept="image/*" onChange={(e) => void onFile(e.target.files?.[0])} className="block w-full text-sm" />}
      </Field>
      <Field label={m.comment} error={fieldMessage(errors.comment?.message, locale) ?? server?.comment}>
        {(p) => <textarea {...p} rows={2} {...register("comment")} className={inputClass} />}
      </Field>
    </ActionDialog>
  );
}
