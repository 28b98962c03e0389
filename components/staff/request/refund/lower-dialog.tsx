"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { format, yuan } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { refundMessages } from "@/components/i18n/refund-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { validationMessage } from "@/server/i18n/errors";
import { lowerRefundInput } from "@/server/schemas/refunds";
import { ActionDialog } from "../actions/action-dialog";
import { fieldMessage } from "../actions/field-message";
import { useOutcome } from "../actions/outcome";
import type { RefundPanelData } from "./types";

type Values = z.input<typeof lowerRefundInput>;

/** Yuan typed by a person → whole fen for the schema; anything unreadable stays NaN so the schema says why. */
const toFen = (v: unknown) => (v === "" || v === undefined ? undefined : Math.round(Number(v) * 100));

/** Lower the amount to pay, with a reason. After the first approval the request goes back to be approved twice. */
export function LowerDialog({ panel, firstApprover, onClose, onConflict }: { panel: RefundPanelData; firstApprover: string | null; onClose: () => void; onConflict: () => void }) {
  const locale = useLocale();
  const m = refundMessages(locale);
  const trpc = useTRPC();
  const outcome = useOutcome(onConflict);
  const mutation = useMutation(
    trpc.refunds.lower.mutationOptions({
      onSuccess: () => {
        onClose();
        outcome.succeeded("lower_refund");
      },
      onError: (e) => {
        if (outcome.failed(e)) onClose();
      },
    }),
  );
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values, unknown, z.output<typeof lowerRefundInput>>({
    resolver: zodResolver(lowerRefundInput, { error: (issue) => validationMessage(issue as never, locale) }),
    defaultValues: { requestId: panel.requestId, version: panel.version, comment: "" },
  });
  const server = mutation.error?.data?.fieldErrors;
  return (
    <ActionDialog
      formId="form-lower-refund"
      title={m.lowerTitle}
      description={format(m.lowerHint, { current: yuan(panel.totalFen) })}
      onClose={onClose}
      pending={mutation.isPending}
      error={mutation.error && !server ? mutation.error.message : null}
      confirmLabel={m.lower}
      onSubmit={handleSubmit((values) => mutation.mutate(values))}
    >
      {firstApprover && panel.status === "pending_refund" && <Alert tone="info">{format(m.lowerRestart, { name: firstApprover })}</Alert>}
      <Field label={m.newAmount} error={fieldMessage(errors.amountFen?.message, locale) ?? server?.amountFen}>
        {(p) => <input {...p} inputMode="decimal" {...register("amountFen", { setValueAs: toFen })} className={inputClass} />}
      </Field>
      <Field label={m.reason} error={fieldMessage(errors.comment?.message, locale) ?? server?.comment}>
        {(p) => <textarea {...p} rows={2} {...register("comment")} className={inputClass} />}
      </Field>
    </ActionDialog>
  );
}
