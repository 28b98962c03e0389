"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useLocale } from "@/components/i18n/locale-context";
import { requestMessages } from "@/components/i18n/request-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { ACTION_NAMES, term } from "@/server/i18n/domain-terms";
import { validationMessage } from "@/server/i18n/errors";
import { requestInfoInput } from "@/server/schemas/staff";
import type { RequestView } from "../types";
import { ActionDialog } from "./action-dialog";
import { fieldMessage } from "./field-message";
import { useOutcome } from "./outcome";

type Values = z.input<typeof requestInfoInput>;

/** Ask the customer for more: the message is what they read on their phone. */
export function InfoDialog({ view, onClose, onConflict }: { view: RequestView; onClose: () => void; onConflict: () => void }) {
  const locale = useLocale();
  const m = requestMessages(locale);
  const trpc = useTRPC();
  const outcome = useOutcome(onConflict);
  const mutation = useMutation(
    trpc.staff.requestInfo.mutationOptions({
      onSuccess: () => {
        onClose();
        outcome.succeeded("request_info");
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
  } = useForm<Values, unknown, z.output<typeof requestInfoInput>>({
    resolver: zodResolver(requestInfoInput, { error: (issue) => validationMessage(issue as never, locale) }),
    defaultValues: { requestId: view.request.id, version: view.request.version, comment: "" },
  });
  const server = mutation.error?.data?.fieldErrors;
  return (
    <ActionDialog
      formId="form-request-info"
      title={term(ACTION_NAMES, "request_info", locale)}
      onClose={onClose}
      pending={mutation.isPending}
      error={mutation.error && !server ? mutation.error.message : null}
      confirmLabel={term(ACTION_NAMES, "request_info", locale)}
      onSubmit={handleSubmit((values) => mutation.mutate(values))}
    >
      <Field label={m.actions.infoMessage} error={fieldMessage(errors.comment?.message, locale) ?? server?.comment}>
        {(p) => <textarea {...p} rows={3} {...register("comment")} className={inputClass} />}
      </Field>
    </ActionDialog>
  );
}
