"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { confirmTwoFactorEnrollment } from "@/app/actions/two-factor";
import { useLocale } from "@/components/i18n/locale-context";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { twoFactorMessages } from "./two-factor-messages";

/**
 * Enrollment: scan the QR code (or type the key), confirm with a first code, then the recovery
 * codes — shown this once, never stored in plain text, so they live only in this component.
 */
export function EnrollForm({ qrDataUrl, secret }: { qrDataUrl: string; secret: string }) {
  const m = twoFactorMessages(useLocale());
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await confirmTwoFactorEnrollment(code);
      if ("error" in result) {
        setError(result.error);
        setCode("");
      } else setCodes(result.recoveryCodes);
    });
  };

  if (codes) {
    return (
      <section aria-labelledby="recovery-heading" className="space-y-4">
        <h2 id="recovery-heading" className="text-lg font-semibold text-slate-900">
          {m.codesHeading}
        </h2>
        <p className="text-sm text-slate-700">{m.codesIntro}</p>
        <ul aria-label={m.codesListLabel} className="grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-4 font-mono text-base text-slate-900 ring-1 ring-slate-200">
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <div className="flex flex-col gap-3 sm:flex-row">
          <button
            type="button"
            className={buttonClass("secondary", "sm:flex-1")}
            onClick={() => navigator.clipboard?.writeText(codes.join("\n")).then(() => setCopied(true), () => setCopied(false))}
          >
            {copied ? m.copied : m.copy}
          </button>
          <Link href="/dashboard" className={buttonClass("primary", "sm:flex-1")}>
            {m.codesDone}
          </Link>
        </div>
      </section>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-labelledby="two-factor-heading">
      <div>
        <p className="text-sm font-medium text-slate-900">{m.step1}</p>
        <div className="mt-3 flex flex-col items-center gap-3 sm:flex-row sm:items-start">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server; nothing for the image optimiser to do */}
          <img src={qrDataUrl} alt={m.qrAlt} width={176} height={176} className="size-44 shrink-0 rounded-lg ring-1 ring-slate-200" />
          <div className="min-w-0 text-sm text-slate-700">
            <p>{m.step1Alt}</p>
            <code data-testid="totp-secret" className="mt-1 block rounded bg-slate-50 px-2 py-1.5 font-mono text-sm break-all text-slate-900 ring-1 ring-slate-200">
              {secret.replace(/(.{4})/g, "$1 ").trim()}
            </code>
          </div>
        </div>
      </div>
      {error && <Alert>{error}</Alert>}
      <Field label={m.step2}>
        <input
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 6))}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          className={`${inputClass} font-mono text-lg tracking-[0.3em]`}
        />
      </Field>
      <button type="submit" disabled={pending || code.length < 6} aria-busy={pending} className={buttonClass("primary", "w-full text-base")}>
        {pending && <Spinner />}
        {pending ? m.confirming : m.confirm}
      </button>
    </form>
  );
}
