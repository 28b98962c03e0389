"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { changePassword, type ChangePasswordResult } from "@/app/actions/auth";
import { adminMessages } from "@/components/i18n/admin-messages";
import { useLocale } from "@/components/i18n/locale-context";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { validationMessage } from "@/server/i18n/errors";
import { changePasswordInput } from "@/server/schemas/admin";
import { fieldMessage } from "./form-errors";

type Values = z.input<typeof changePasswordInput>;

/** Current (one-time) password, new password twice; on success the action signs in again and opens the queue. */
export function ChangePasswordForm({ oneTime }: { oneTime: boolean }) {
  const locale = useLocale();
  const m = adminMessages(locale).password;
  const [result, setResult] = useState<ChangePasswordResult | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<Values>({
    resolver: zodResolver(changePasswordInput, { error: (issue) => validationMessage(issue as never, locale) }),
    defaultValues: { current: "", next: "", confirm: "" },
  });
  const error = (field: keyof Values) => fieldMessage(form.formState.errors[field]?.message, locale) ?? result?.fieldErrors?.[field];

  const submit = form.handleSubmit((values) => {
    setResult(null);
    startTransition(async () => {
      // On success the action redirects and this never returns.
      setResult(await changePassword(values));
    });
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-labelledby="change-password-heading">
      {result && !result.fieldErrors && <Alert>{result.message}</Alert>}
      <Field label={oneTime ? m.current : m.currentPlain} error={error("current")}>
        {(p) => <input {...p} type="password" autoComplete="current-password" className={inputClass} {...form.register("current")} />}
      </Field>
      <Field label={m.next} hint={m.nextHint} error={error("next")}>
        {(p) => <input {...p} type="password" autoComplete="new-password" className={inputClass} {...form.register("next")} />}
      </Field>
      <Field label={m.confirm} error={error("confirm")}>
        {(p) => <input {...p} type="password" autoComplete="new-password" className={inputClass} {...form.register("confirm")} />}
      </Field>
      <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary", "w-full")}>
        {pending && <Spinner />}
        {pending ? m.submitting : m.submit}
      </button>
    </form>
  );
}
