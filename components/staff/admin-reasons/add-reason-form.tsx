"use client";

import { useRef } from "react";
import type { ReasonsMessages } from "@/components/i18n/reasons-messages";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { Failure } from "./failure";
import type { ReasonKind } from "./types";

export interface NewReason {
  code: string;
  nameZh: string;
  nameEn: string;
  photoRequired: boolean;
}

/** Adds a reason at the end of its list. The server checks everything; its messages show under each field. */
export function AddReasonForm({
  kind,
  t,
  pending,
  failure,
  onAdd,
}: {
  kind: ReasonKind;
  t: ReasonsMessages;
  pending: boolean;
  failure: Failure | null;
  /** Resolves true when added, so the form can clear itself. */
  onAdd: (reason: NewReason) => Promise<boolean>;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const titleId = `add-${kind}-title`;
  const generic = failure && Object.keys(failure.fieldErrors).length === 0 ? failure.message : null;
  return (
    <form
      ref={ref}
      noValidate
      aria-labelledby={titleId}
      className="border-t border-slate-200 bg-slate-50/60 px-4 py-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const added = await onAdd({
          code: String(form.get("code") ?? ""),
          nameZh: String(form.get("nameZh") ?? ""),
          nameEn: String(form.get("nameEn") ?? ""),
          photoRequired: form.get("photoRequired") === "on",
        });
        if (added) ref.current?.reset();
      }}
    >
      <h3 id={titleId} className="mb-3 text-sm font-semibold text-slate-900">
        {t.addTitle[kind]}
      </h3>
      <div className="grid gap-3 md:grid-cols-2">
        <Field label={t.nameZh} error={failure?.fieldErrors.nameZh}>
          {(p) => <input {...p} name="nameZh" lang="zh-CN" maxLength={40} className={inputClass} />}
        </Field>
        <Field label={t.nameEn} error={failure?.fieldErrors.nameEn}>
          {(p) => <input {...p} name="nameEn" lang="en" maxLength={40} className={inputClass} />}
        </Field>
        <Field label={t.code} hint={t.codeHint} error={failure?.fieldErrors.code} className="md:col-span-2">
          {(p) => <input {...p} name="code" lang="en" maxLength={40} autoCapitalize="none" autoCorrect="off" spellCheck={false} className={`${inputClass} font-mono`} />}
        </Field>
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-x-6 gap-y-3">
        {kind === "customer" ? (
          <label className="inline-flex min-h-11 items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="photoRequired" className="size-5 accent-accent-700" />
            {t.addPhoto}
          </label>
        ) : (
          <span />
        )}
        <button type="submit" className={buttonClass("primary")} disabled={pending} aria-busy={pending}>
          {pending && <Spinner />}
          {pending ? t.adding : t.add}
        </button>
      </div>
      {generic && <Alert className="mt-3">{generic}</Alert>}
    </form>
  );
}
