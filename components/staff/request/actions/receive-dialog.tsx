"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { requestMessages } from "@/components/i18n/request-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { ITEM_CONDITIONS } from "@/server/domain/vocabulary";
import { ACTION_NAMES, term } from "@/server/i18n/domain-terms";
import { validationMessage } from "@/server/i18n/errors";
import { receiveInput } from "@/server/schemas/staff";
import type { RequestView } from "../types";
import { ActionDialog } from "./action-dialog";
import { fieldMessage } from "./field-message";
import { useOutcome } from "./outcome";

type Values = z.input<typeof receiveInput>;

/** The warehouse records, per line, how many arrived and in what state (until the scan station exists). */
export function ReceiveDialog({ view, onClose, onConflict }: { view: RequestView; onClose: () => void; onConflict: () => void }) {
  const locale = useLocale();
  const m = requestMessages(locale);
  const trpc = useTRPC();
  const outcome = useOutcome(onConflict);
  const lines = view.lines ?? [];
  const mutation = useMutation(
    trpc.staff.receive.mutationOptions({
      onSuccess: () => {
        onClose();
        outcome.succeeded("receive");
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
  } = useForm<Values, unknown, z.output<typeof receiveInput>>({
    resolver: zodResolver(receiveInput, { error: (issue) => validationMessage(issue as never, locale) }),
    defaultValues: {
      requestId: view.request.id,
      version: view.request.version,
      lines: lines.map((l) => ({ returnLineId: l.id, receivedQuantity: l.quantity, condition: "as_new" as const })),
      comment: "",
    },
  });
  const server = mutation.error?.data?.fieldErrors;
  return (
    <ActionDialog
      formId="form-receive"
      title={term(ACTION_NAMES, "receive", locale)}
      description={m.actions.receiveHint}
      size="lg"
      onClose={onClose}
      pending={mutation.isPending}
      error={mutation.error && !server ? mutation.error.message : null}
      confirmLabel={term(ACTION_NAMES, "receive", locale)}
      onSubmit={handleSubmit((values) => mutation.mutate({ ...values, comment: values.comment || undefined }))}
    >
      {lines.map((l, i) => (
        <fieldset key={l.id} className="rounded-lg p-3 ring-1 ring-slate-200">
          <legend className="px-1 text-sm font-semibold text-slate-900">{format(m.actions.receiveLine, { title: l.title, n: l.quantity })}</legend>
          <div className="grid grid-cols-2 gap-3">
            <Field label={m.actions.receivedQty} error={fieldMessage(errors.lines?.[i]?.receivedQuantity?.message, locale) ?? server?.[`lines.${i}.receivedQuantity`]}>
              {(p) => <input {...p} type="number" min={0} max={999} inputMode="numeric" {...register(`lines.${i}.receivedQuantity`, { valueAsNumber: true })} className={inputClass} />}
            </Field>
            <Field label={m.actions.condition} error={fieldMessage(errors.lines?.[i]?.condition?.message, locale)}>
              {(p) => (
                <select {...p} {...register(`lines.${i}.condition`)} className={inputClass}>
                  {ITEM_CONDITIONS.map((c) => (
                    <option key={c} value={c}>
                      {m.conditions[c]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>
      ))}
      <Field label={m.actions.comment} error={fieldMessage(errors.comment?.message, locale) ?? server?.comment}>
        {(p) => <textarea {...p} rows={2} {...register("comment")} className={inputClass} />}
      </Field>
    </ActionDialog>
  );
}
