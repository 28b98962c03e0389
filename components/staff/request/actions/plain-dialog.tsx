"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { format, yuan } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { requestMessages } from "@/components/i18n/request-messages";
import { useTRPC } from "@/components/staff/trpc";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { ACTION_NAMES, term } from "@/server/i18n/domain-terms";
import { validationMessage } from "@/server/i18n/errors";
import { plainDecisionInput } from "@/server/schemas/staff";
import type { RequestView } from "../types";
import { ActionDialog } from "./action-dialog";
import { fieldMessage } from "./field-message";
import { useOutcome } from "./outcome";

export type PlainAction = "approve" | "accept_full" | "approve_refund" | "refund";

type Values = z.input<typeof plainDecisionInput>;

/** Decisions that need no more than a confirmation and an optional comment. */
export function PlainDialog({ action, view, onClose, onConflict }: { action: PlainAction; view: RequestView; onClose: () => void; onConflict: () => void }) {
  const locale = useLocale();
  const m = requestMessages(locale);
  const trpc = useTRPC();
  const outcome = useOutcome(onConflict);
  const r = view.request;
  const amount = yuan(r.approvedRefundFen ?? r.requestedRefundFen ?? 0);
  const options = {
    onSuccess: () => {
      onClose();
      outcome.succeeded(action);
    },
    onError: (e: Parameters<typeof outcome.failed>[0]) => {
      if (outcome.failed(e)) onClose();
    },
  };
  // One mutation per procedure (hooks cannot be chosen conditionally); only the one for `action` is ever called.
  const mutations = {
    approve: useMutation(trpc.staff.approve.mutationOptions(options)),
    accept_full: useMutation(trpc.staff.acceptFull.mutationOptions(options)),
    approve_refund: useMutation(trpc.staff.approveRefund.mutationOptions(options)),
    refund: useMutation(trpc.staff.refund.mutationOptions(options)),
  };
  const mutation = mutations[action];
  const current = view.stages.findIndex((s) => s.state === "current");
  const next = view.stages[current + 1];

  const body = {
    approve: format(m.actions.approveBody, { next: next ? m.stages[next.stage] : m.actions.approveNext }),
    accept_full: format(m.actions.acceptFullBody, { amount }),
    approve_refund: format(m.actions.approveRefundBody, { amount }),
    refund: r.refundApprovedBy ? `${format(m.actions.refundBody, { amount })} ${format(m.actions.fourEyes, { name: r.refundApprovedBy })}` : format(m.actions.refundBody, { amount }),
  }[action];

  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values, unknown, z.output<typeof plainDecisionInput>>({
    resolver: zodResolver(plainDecisionInput, { error: (issue) => validationMessage(issue as never, locale) }),
    defaultValues: { requestId: r.id, version: r.version, comment: "" },
  });

  return (
    <ActionDialog
      formId={`form-${action}`}
      title={term(ACTION_NAMES, action, locale)}
      description={body}
      onClose={onClose}
      pending={mutation.isPending}
      error={mutation.error && !mutation.error.data?.fieldErrors ? mutation.error.message : null}
      confirmLabel={term(ACTION_NAMES, action, locale)}
      tone={action === "refund" ? "danger" : "primary"}
      onSubmit={handleSubmit((values) => mutation.mutate({ ...values, comment: values.comment || undefined }))}
    >
      <Field label={m.actions.comment} error={fieldMessage(errors.comment?.message, locale) ?? mutation.error?.data?.fieldErrors?.comment}>
        {(p) => <textarea {...p} rows={2} {...register("comment")} className={inputClass} />}
      </Field>
    </ActionDialog>
  );
}
