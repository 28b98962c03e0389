"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { format, yuan } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { requestMessages } from "@/components/i18n/request-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { clampPartialRefund } from "@/server/domain/money";
import { ACTION_NAMES, term } from "@/server/i18n/domain-terms";
import { validationMessage } from "@/server/i18n/errors";
import { acceptPartialInput } from "@/server/schemas/staff";
import type { RequestView } from "../types";
import { ActionDialog } from "./action-dialog";
import { fieldMessage } from "./field-message";
import { useOutcome } from "./outcome";

type Values = z.input<typeof acceptPartialInput>;

/** Yuan typed by a person → whole fen for the schema; anything unreadable stays NaN so the schema says why. */
const toFen = (v: unknown) => (v === "" || v === undefined ? undefined : Math.round(Number(v) * 100));

/** After an inspection mismatch: refund less, by a deduction the customer is told about. */
export function PartialDialog({ view, onClose, onConflict }: { view: RequestView; onClose: () => void; onConflict: () => void }) {
  const locale = useLocale();
  const m = requestMessages(locale);
  const trpc = useTRPC();
  const outcome = useOutcome(onConflict);
  const requested = view.request.requestedRefundFen ?? 0;
  const mutation = useMutation(
    trpc.staff.acceptPartial.mutationOptions({
      onSuccess: () => {
        onClose();
        outcome.succeeded("accept_partial");
      },
      onError: (e) => {
        if (outcome.failed(e)) onClose();
      },
    }),
  );
  const {
    register,
    handleSubmit,
    control,
    formState: { errors },
  } = useForm<Values, unknown, z.output<typeof acceptPartialInput>>({
    resolver: zodResolver(acceptPartialInput, { error: (issue) => validationMessage(issue as never, locale) }),
    defaultValues: { requestId: view.request.id, version: view.request.version, comment: "" },
  });
  const deduction = useWatch({ control, name: "deductionFen" });
  const valid = typeof deduction === "number" && Number.isInteger(deduction) && deduction >= 0;
  const result = valid ? yuan(clampPartialRefund(requested, Math.min(deduction, requested))) : "—";
  const server = mutation.error?.data?.fieldErrors;
  return (
    <ActionDialog
      formId="form-accept-partial"
      title={term(ACTION_NAMES, "accept_partial", locale)}
      onClose={onClose}
      pending={mutation.isPending}
      error={mutation.error && !server ? mutation.error.message : null}
      confirmLabel={term(ACTION_NAMES, "accept_partial", locale)}
      onSubmit={handleSubmit((values) => mutation.mutate(values))}
    >
      <Field
        label={m.actions.deduction}
        hint={format(m.actions.deductionHint, { amount: yuan(requested), result })}
        error={fieldMessage(errors.deductionFen?.message, locale) ?? server?.deductionFen}
      >
        {(p) => <input {...p} inputMode="decimal" {...register("deductionFen", { setValueAs: toFen })} className={inputClass} />}
      </Field>
      <Field label={m.actions.commentRequired} error={fieldMessage(errors.comment?.message, locale) ?? server?.comment}>
        {(p) => <textarea {...p} rows={2} {...register("comment")} className={inputClass} />}
      </Field>
    </ActionDialog>
  );
}
