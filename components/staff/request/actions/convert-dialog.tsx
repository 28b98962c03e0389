"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useLocale } from "@/components/i18n/locale-context";
import { replacementMessages } from "@/components/i18n/replacement-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { ACTION_NAMES, term } from "@/server/i18n/domain-terms";
import { validationMessage } from "@/server/i18n/errors";
import { staffConvertToRefundInput } from "@/server/schemas/replacement";
import type { RequestView } from "../types";
import { ActionDialog } from "./action-dialog";
import { fieldMessage } from "./field-message";
import { useOutcome } from "./outcome";

type Values = z.input<typeof staffConvertToRefundInput>;

/** Staff turn an exchange whose replacement ran out into a return with refund, with a reason the customer reads (decision 030). */
export function ConvertDialog({ view, onClose, onConflict }: { view: RequestView; onClose: () => void; onConflict: () => void }) {
  const locale = useLocale();
  const m = replacementMessages(locale).staff;
  const trpc = useTRPC();
  const outcome = useOutcome(onConflict);
  const mutation = useMutation(
    trpc.staff.convertToRefund.mutationOptions({
      onSuccess: () => {
        onClose();
        outcome.succeeded("convert_to_refund");
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
  } = useForm<Values, unknown, z.output<typeof staffConvertToRefundInput>>({
    resolver: zodResolver(staffConvertToRefundInput, { error: (issue) => validationMessage(issue as never, locale) }),
    defaultValues: { requestId: view.request.id, version: view.request.version, comment: "" },
  });
  const server = mutation.error?.data?.fieldErrors;
  return (
    <ActionDialog
      formId="form-convert_to_refund"
      title={term(ACTION_NAMES, "convert_to_refund", locale)}
      description={m.convertBodyNoAmount}
      onClose={onClose}
      pending={mutation.isPending}
      error={mutation.error && !server ? mutation.error.message : null}
      confirmLabel={term(ACTION_NAMES, "convert_to_refund", locale)}
      onSubmit={handleSubmit((values) => mutation.mutate(values))}
    >
      <Field label={m.reason} error={fieldMessage(errors.comment?.message, locale) ?? server?.comment}>
        {(p) => <textarea {...p} rows={3} placeholder={m.reasonPlaceholder} {...register("comment")} className={inputClass} />}
      </Field>
    </ActionDialog>
  );
}
