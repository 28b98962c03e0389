"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { useLocale } from "@/components/i18n/locale-context";
import { replacementMessages } from "@/components/i18n/replacement-messages";
import { requestMessages } from "@/components/i18n/request-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { ACTION_NAMES, term } from "@/server/i18n/domain-terms";
import { validationMessage } from "@/server/i18n/errors";
import { CARRIERS } from "@/server/schemas/customer";
import { replacementCarrier, shipReplacementInput } from "@/server/schemas/replacement";
import type { RequestView } from "../types";
import { ActionDialog } from "./action-dialog";
import { fieldMessage } from "./field-message";
import { useOutcome } from "./outcome";

/** The form: a carrier from the list, or "other" with the name typed; the API gets one carrier string. */
const formSchema = shipReplacementInput.extend({ carrier: z.string(), otherCarrier: z.string().optional() }).superRefine((v, ctx) => {
  const carrier = v.carrier === "other" ? (v.otherCarrier ?? "") : v.carrier;
  const parsed = replacementCarrier.safeParse(carrier);
  if (!parsed.success) ctx.addIssue({ code: "custom", path: [v.carrier === "other" ? "otherCarrier" : "carrier"], message: "v.replacementCarrier" });
});
type Values = z.input<typeof formSchema>;

/**
 * The warehouse ships an exchange's replacement: carrier and tracking number, which the customer
 * then sees on their request page; the reserved unit leaves the stock with it (decision 030).
 */
export function ShipReplacementDialog({ view, onClose, onConflict }: { view: RequestView; onClose: () => void; onConflict: () => void }) {
  const locale = useLocale();
  const m = requestMessages(locale);
  const r = replacementMessages(locale);
  const trpc = useTRPC();
  const outcome = useOutcome(onConflict);
  const mutation = useMutation(
    trpc.staff.shipReplacement.mutationOptions({
      onSuccess: () => {
        onClose();
        outcome.succeeded("ship_replacement");
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
  } = useForm<Values>({
    resolver: zodResolver(formSchema, { error: (issue) => validationMessage(issue as never, locale) }),
    defaultValues: { requestId: view.request.id, version: view.request.version, carrier: "", otherCarrier: "", trackingNo: "", comment: "" },
  });
  const carrier = useWatch({ control, name: "carrier" });
  const server = mutation.error?.data?.fieldErrors;

  return (
    <ActionDialog
      formId="form-ship_replacement"
      title={term(ACTION_NAMES, "ship_replacement", locale)}
      description={r.staff.shipBody}
      onClose={onClose}
      pending={mutation.isPending}
      error={mutation.error && !server ? mutation.error.message : null}
      confirmLabel={term(ACTION_NAMES, "ship_replacement", locale)}
      onSubmit={handleSubmit((v) =>
        mutation.mutate({
          requestId: v.requestId,
          version: v.version,
          carrier: (v.carrier === "other" ? (v.otherCarrier ?? "") : v.carrier).trim(),
          trackingNo: v.trackingNo.trim(),
          comment: v.comment?.trim() || undefined,
        }),
      )}
    >
      <Field label={r.staff.carrier} error={fieldMessage(errors.carrier?.message, locale) ?? server?.carrier}>
        {(p) => (
          <select {...p} {...register("carrier")} className={inputClass}>
            <option value="" disabled>
              {r.staff.carrierPick}
            </option>
            {CARRIERS.map((c) => (
              <option key={c} value={c}>
                {r.carriers[c]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {carrier === "other" && (
        <Field label={r.staff.carrierOther} error={fieldMessage(errors.otherCarrier?.message, locale)}>
          {(p) => <input {...p} {...register("otherCarrier")} maxLength={40} autoComplete="off" className={inputClass} />}
        </Field>
      )}
      <Field label={r.staff.trackingNo} hint={r.staff.trackingHint} error={fieldMessage(errors.trackingNo?.message, locale) ?? server?.trackingNo}>
        {(p) => <input {...p} {...register("trackingNo")} inputMode="text" autoComplete="off" autoCapitalize="characters" spellCheck={false} className={`${inputClass} font-mono`} />}
      </Field>
      <Field label={m.actions.comment} error={fieldMessage(errors.comment?.message, locale) ?? server?.comment}>
        {(p) => <textarea {...p} rows={2} {...register("comment")} className={inputClass} />}
      </Field>
    </ActionDialog>
  );
}
