"use client";

import { useState, useTransition } from "react";
import { submitSecondFactor } from "@/app/actions/two-factor";
import { useLocale } from "@/components/i18n/locale-context";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { twoFactorMessages } from "./two-factor-messages";

/** The code step after the password: the authenticator's code, or a recovery code. */
export function CodeForm() {
  const m = twoFactorMessages(useLocale());
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    startTransition(async () => {
      // On success the action redirects to the queue and this never returns.
      const result = await submitSecondFactor(code);
      setError(result.error);
      setCode("");
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-labelledby="two-factor-heading">
      {error && <Alert>{error}</Alert>}
      {recovery ? (
        <Field key="recovery" label={m.recoveryLabel} hint={m.recoveryHint}>
          <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="none" spellCheck={false} className={`${inputClass} font-mono`} autoFocus />
        </Field>
      ) : (
        <Field key="code" label={m.codeLabel}>
          <input
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 6))}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            className={`${inputClass} font-mono text-lg tracking-[0.3em]`}
            autoFocus
          />
        </Field>
      )}
      <button type="submit" disabled={pending || code.trim().length < 6} aria-busy={pending} className={buttonClass("primary", "w-full text-base")}>
        {pending && <Spinner />}
        {pending ? m.submitting : m.submit}
      </button>
      <button
        type="button"
        onClick={() => {
          setRecovery(!recovery);
          setCode("");
          setError(null);
        }}
        className="min-h-11 w-full text-sm font-medium text-accent-700 underline-offset-2 hover:underline"
      >
        {recovery ? m.useCode : m.useRecovery}
      </button>
    </form>
  );
}
