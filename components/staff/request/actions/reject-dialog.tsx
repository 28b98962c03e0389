"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { requestMessages } from "@/components/i18n/request-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { REJECTION_CODES } from "@/server/domain/vocabulary";
import { ACTION_NAMES, REJECTION_NAMES, term } from "@/server/i18n/domain-terms";
import { validationMessage } from "@/server/i18n/errors";
import { rejectInput } from "@/server/schemas/staff";
import type { RequestView } from "../types";
import { ActionDialog } from "./action-dialog";
import { fieldMessage } from "./field-message";
import { useOutcome } from "./outcome";

type Values = z.input<typeof rejectInput>;

/**
 * Reject with a reason code and a message for the customer, previewed as the customer will
 * read it before anything is sent. (Reasons come from REJECTION_CODES until they become rows.)
 */
export function RejectDialog({ view, onClose, onConflict }: { view: RequestView; onClose: () => void; onConflict: () => void }) {
  const locale = useLocale();
  const m = requestMessages(locale);
  const trpc = useTRPC();
  const outcome = useOutcome(onConflict);
  const mutation = useMutation(
    trpc.staff.reject.mutationOptions({
      onSuccess: () => {
        onClose();
        outcome.succeeded("reject");
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
  } = useForm<Values, unknown, z.output<typeof rejectInput>>({
    resolver: zodResolver(rejectInput, { error: (issue) => validationMessage(issue as never, locale) }),
    defaultValues: { requestId: view.request.id, version: view.request.version, comment: "" },
  });
  const code = useWatch({ control, name: "rejectionCode" });
  const message = useWatch({ control, name: "comment" })?.trim();
  const server = mutation.error?.data?.fieldErrors;

  return (
    <ActionDialog
      formId="form-reject"
      title={term(ACTION_NAMES, "reject", locale)}
      onClose={onClose}
      pending={mutation.isPending}
      error={mutation.error && !server ? mutation.error.message : null}
      confirmLabel={term(ACTION_NAMES, "reject", locale)}
      tone="danger"
      onSubmit={handleSubmit((values) => mutation.mutate(values))}
    >
      <Field label={m.actions.rejectReason} error={fieldMessage(errors.rejectionCode?.message, locale) ?? server?.rejectionCode}>
        {(p) => (
          <select {...p} {...register("rejectionCode")} defaultValue="" className={inputClass}>
            <option value="" disabled>
              {m.actions.chooseReason}
            </option>
            {REJECTION_CODES.map((c) => (
              <option key={c} value={c}>
                {term(REJECTION_NAMES, c, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={m.actions.rejectMessage} error={fieldMessage(errors.comment?.message, locale) ?? server?.comment}>
        {(p) => <textarea {...p} rows={3} {...register("comment")} className={inputClass} />}
      </Field>
      <div aria-live="polite">
        <p className="text-xs font-semibold text-slate-600">{m.actions.preview}</p>
        <p data-testid="reject-preview" className="mt-1 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-800 ring-1 ring-slate-200">
          {code && message
            ? format(m.actions.previewLine, { rma: view.request.rmaNo, reason: term(REJECTION_NAMES, code, locale), message })
            : m.actions.previewEmpty}
        </p>
      </div>
    </ActionDialog>
  );
}
