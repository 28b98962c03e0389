"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { requestMessages } from "@/components/i18n/request-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { ACTION_NAMES, term } from "@/server/i18n/domain-terms";
import { validationMessage } from "@/server/i18n/errors";
import { rejectInput } from "@/server/schemas/staff";
import type { RequestView } from "../types";
import { ActionDialog } from "./action-dialog";
import { fieldMessage } from "./field-message";
import { useOutcome } from "./outcome";

type Values = z.input<typeof rejectInput>;

/**
 * Reject with a reason code and a message for the customer, previewed as the customer will
 * read it before anything is sent. The reasons are the store manager's rows; retired ones are not offered.
 */
export function RejectDialog({ view, onClose, onConflict }: { view: RequestView; onClose: () => void; onConflict: () => void }) {
  const locale = useLocale();
  const m = requestMessages(locale);
  const trpc = useTRPC();
  const outcome = useOutcome(onConflict);
  const reasons = useQuery(trpc.reasons.list.queryOptions({ kind: "rejection" }));
  const offered = (reasons.data ?? []).filter((r) => !r.retired);
  const nameOf = (code: string) => {
    const r = offered.find((o) => o.code === code);
    return r ? (locale === "en" ? r.nameEn : r.nameZh) : code;
  };
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
            {offered.map((r) => (
              <option key={r.code} value={r.code}>
                {locale === "en" ? r.nameEn : r.nameZh}
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
            ? format(m.actions.previewLine, { rma: view.request.rmaNo, reason: nameOf(code), message })
            : m.actions.previewEmpty}
        </p>
      </div>
    </ActionDialog>
  );
}
