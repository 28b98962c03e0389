"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { refundMessages } from "@/components/i18n/refund-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { ActionDialog } from "../actions/action-dialog";
import { useOutcome } from "../actions/outcome";
import type { RefundPanelData, RefundRecord } from "./types";

/** Send a failed refund again under its number, or a closed one under a new number. */
export function RetryDialog({ panel, refund, onClose, onConflict }: { panel: RefundPanelData; refund: RefundRecord; onClose: () => void; onConflict: () => void }) {
  const locale = useLocale();
  const m = refundMessages(locale);
  const trpc = useTRPC();
  const outcome = useOutcome(onConflict);
  const [comment, setComment] = useState("");
  const mutation = useMutation(
    trpc.refunds.retry.mutationOptions({
      onSuccess: () => {
        onClose();
        outcome.succeeded("retry_refund");
      },
      onError: (e) => {
        if (outcome.failed(e)) onClose();
      },
    }),
  );
  const sameNumber = refund.status === "failed" && refund.amountFen === panel.toPayFen;
  return (
    <ActionDialog
      formId="form-retry-refund"
      title={m.retryTitle}
      description={format(sameNumber ? m.retrySame : m.retryNew, { no: refund.outRefundNo })}
      onClose={onClose}
      pending={mutation.isPending}
      error={mutation.error?.message ?? null}
      confirmLabel={m.retry}
      tone="danger"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ requestId: panel.requestId, version: panel.version, refundId: refund.id, comment: comment.trim() || undefined });
      }}
    >
      <Field label={m.comment}>{(p) => <textarea {...p} rows={2} value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} className={inputClass} />}</Field>
    </ActionDialog>
  );
}
