"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { signInChallenge, signInWithPassword, type SignInFailure } from "@/app/actions/auth";
import { solveProof } from "@/components/staff/auth/solve-proof";
import { useLocale } from "@/components/i18n/locale-context";
import { format, messages } from "@/components/i18n/messages";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { validationMessage } from "@/server/i18n/errors";
import type { Locale } from "@/server/i18n/locale";
import { signInInput } from "@/server/schemas/staff";

export interface DemoAccount {
  email: string;
  name: string;
  roleName: string;
}

type Values = z.input<typeof signInInput>;

/** Field messages arrive as the schema's keys ("v.email"); translate them with the API's own table. */
function fieldMessage(message: string | undefined, locale: Locale): string | undefined {
  if (!message?.startsWith("v.")) return message;
  return validationMessage({ code: "custom", message, path: [], input: undefined }, locale);
}

export function SignInForm({ demoAccounts, demoPassword }: { demoAccounts: DemoAccount[] | null; demoPassword: string | null }) {
  const locale = useLocale();
  const m = messages(locale).login;
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const [checking, setChecking] = useState(false);
  const {
    register,
    handleSubmit,
    setValue,
    setFocus,
    clearErrors,
    formState: { errors },
  } = useForm<Values, unknown, z.output<typeof signInInput>>({
    // Zod's own messages (e.g. a too-long password) are localized by the same function the API uses.
    resolver: zodResolver(signInInput, { error: (issue) => validationMessage(issue as never, locale) }),
    defaultValues: { email: "", password: "" },
  });

  const onSubmit = handleSubmit((values) => {
    setFailure(null);
    startTransition(async () => {
      // On success the action redirects to /dashboard and this never returns.
      let result = await signInWithPassword(values);
      if (result.error === "proof_required") {
        // After repeated failures (anyone's) the server wants proof of work: solve it here and retry once (ADR 019).
        setChecking(true);
        try {
          result = await signInWithPassword(values, await solveProof(await signInChallenge(values.email)));
        } finally {
          setChecking(false);
        }
      }
      setFailure(result.error);
      if (result.error === "credentials") {
        setValue("password", "");
        setFocus("password");
      }
    });
  });

  const fillDemo = (email: string) => {
    if (!demoPassword) return;
    setValue("email", email);
    setValue("password", demoPassword);
    clearErrors();
    setFailure(null);
    setFocus("password");
  };

  const emailError = fieldMessage(errors.email?.message, locale);
  const passwordError = fieldMessage(errors.password?.message, locale);

  return (
    <>
      <form onSubmit={onSubmit} noValidate aria-labelledby="sign-in-heading" className="space-y-5">
        {failure && (
          <div role="alert" className="flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800">
            <svg className="mt-0.5 size-4 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
              <path
                fillRule="evenodd"
                d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm-.75-11.5a.75.75 0 0 1 1.5 0v4a.75.75 0 0 1-1.5 0v-4ZM10 14.75a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
                clipRule="evenodd"
              />
            </svg>
            <span>{m.errors[failure]}</span>
          </div>
        )}

        <Field id="email" label={m.email} error={emailError}>
          <input type="email" autoComplete="username" inputMode="email" placeholder={m.emailPlaceholder} className={inputClass} {...register("email")} />
        </Field>

        <Field id="password" label={m.password} error={passwordError}>
          <input type="password" autoComplete="current-password" className={inputClass} {...register("password")} />
        </Field>

        <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary", "w-full text-base")}>
          {pending && <Spinner />}
          {pending ? (checking ? m.checking : m.submitting) : m.submit}
        </button>
      </form>

      {demoAccounts && demoPassword && demoAccounts.length > 0 && (
        <section aria-labelledby="demo-heading" className="mt-6 rounded-xl border border-dashed border-accent-600/40 bg-accent-50/60 p-4">
          <h2 id="demo-heading" className="text-sm font-semibold text-slate-900">
            {m.demo.title}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {m.demo.intro} <code className="rounded bg-white px-1.5 py-0.5 font-mono text-slate-900 ring-1 ring-slate-200">{demoPassword}</code>
          </p>
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {demoAccounts.map((a) => (
              <li key={a.email}>
                <button
                  type="button"
                  onClick={() => fillDemo(a.email)}
                  aria-label={format(m.demo.useLabel, { role: `${a.roleName} ${a.name}` })}
                  className="block min-h-11 w-full rounded-lg bg-white px-3 py-2 text-left ring-1 ring-slate-200 transition-colors hover:bg-accent-50 hover:ring-accent-600/40"
                >
                  <span className="block text-sm font-medium text-slate-900">
                    {a.roleName} <span className="font-normal text-slate-600">· {a.name}</span>
                  </span>
                  <span className="block truncate font-mono text-xs text-slate-600">{a.email}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
