"use client";

import { useState } from "react";
import type { ReasonsMessages } from "@/components/i18n/reasons-messages";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import type { Locale } from "@/server/i18n/locale";
import type { Failure } from "./api";
import { fill, type ReasonRow } from "./types";

interface Props {
  row: ReasonRow;
  first: boolean;
  last: boolean;
  locale: Locale;
  t: ReasonsMessages;
  /** Set while any change of this list is on its way: one change at a time keeps versions straight. */
  busy: boolean;
  onMove: (direction: "up" | "down") => void;
  onPhoto: (photoRequired: boolean) => void;
  onRetire: () => void;
  onRestore: () => void;
  /** Resolves with the failure to show in the form, or null when saved. */
  onRename: (nameZh: string, nameEn: string) => Promise<Failure | null>;
}

const small = "min-h-11 px-3";

/** One reason: its names, code and state, and the store manager's actions on it (rename opens in place). */
export function ReasonItem({ row, first, last, locale, t, busy, onMove, onPhoto, onRetire, onRestore, onRename }: Props) {
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const name = locale === "en" ? row.nameEn : row.nameZh;
  const other = locale === "en" ? row.nameZh : row.nameEn;
  const base = `reason-${row.id}`;

  async function save(form: FormData) {
    setSaving(true);
    const result = await onRename(String(form.get("nameZh") ?? ""), String(form.get("nameEn") ?? ""));
    setSaving(false);
    setFailure(result);
    if (!result) setEditing(false);
  }

  return (
    <li className={`flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 ${row.retired ? "bg-slate-50" : ""}`}>
      <div className="min-w-0 flex-1 basis-56">
        <p className={`font-medium ${row.retired ? "text-slate-500 line-through decoration-slate-400" : "text-slate-900"}`}>
          {name}
          <span className="ml-2 text-sm font-normal text-slate-600 no-underline" lang={locale === "en" ? "zh-CN" : "en"}>
            {other}
          </span>
        </p>
        <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <code className="rounded bg-slate-100 px-1.5 py-px font-mono text-slate-700">{row.code}</code>
          {row.retired ? (
            <span className="rounded bg-slate-200 px-1.5 py-px font-semibold text-slate-700">{t.retired}</span>
          ) : (
            <span className="rounded bg-green-50 px-1.5 py-px font-semibold text-green-800 ring-1 ring-green-200">{t.active}</span>
          )}
          {row.photoRequired && <span className="rounded bg-amber-50 px-1.5 py-px font-semibold text-amber-900 ring-1 ring-amber-200">{t.photoRequired}</span>}
        </p>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass("secondary", small)} disabled={busy || first} onClick={() => onMove("up")} aria-label={fill(t.moveUpNamed, { name })}>
          <span aria-hidden="true">↑</span>
          <span className="hidden lg:inline">{t.moveUp}</span>
        </button>
        <button type="button" className={buttonClass("secondary", small)} disabled={busy || last} onClick={() => onMove("down")} aria-label={fill(t.moveDownNamed, { name })}>
          <span aria-hidden="true">↓</span>
          <span className="hidden lg:inline">{t.moveDown}</span>
        </button>
        {row.kind === "customer" && (
          <label className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-2 text-sm text-slate-800 hover:bg-slate-100">
            <input
              type="checkbox"
              className="size-5 accent-accent-700"
              checked={row.photoRequired}
              disabled={busy}
              onChange={(e) => onPhoto(e.target.checked)}
              aria-label={fill(t.photoToggleNamed, { name })}
            />
            <span aria-hidden="true">{t.columns.photo}</span>
          </label>
        )}
        <button
          type="button"
          className={buttonClass("secondary", small)}
          disabled={busy}
          aria-expanded={editing}
          aria-controls={`${base}-rename`}
          aria-label={fill(t.renameNamed, { name })}
          onClick={() => {
            setEditing((v) => !v);
            setFailure(null);
          }}
        >
          {t.rename}
        </button>
        {row.retired ? (
          <button type="button" className={buttonClass("secondary", small)} disabled={busy} onClick={onRestore} aria-label={fill(t.restoreNamed, { name })}>
            {t.restore}
          </button>
        ) : (
          <button type="button" className={buttonClass("ghost", `${small} text-red-700 hover:bg-red-50`)} disabled={busy} onClick={onRetire} aria-label={fill(t.retireNamed, { name })}>
            {t.retire}
          </button>
        )}
      </div>

      {editing && (
        <form id={`${base}-rename`} action={save} className="grid w-full gap-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200 sm:grid-cols-[1fr_1fr_auto]" noValidate>
          <NameField id={`${base}-zh`} name="nameZh" label={t.nameZh} value={row.nameZh} error={failure?.fieldErrors.nameZh} lang="zh-CN" />
          <NameField id={`${base}-en`} name="nameEn" label={t.nameEn} value={row.nameEn} error={failure?.fieldErrors.nameEn} lang="en" />
          <div className="flex items-end gap-2">
            <button type="submit" className={buttonClass("primary")} disabled={saving}>
              {saving ? t.saving : t.save}
            </button>
            <button type="button" className={buttonClass("ghost")} onClick={() => setEditing(false)}>
              {t.cancel}
            </button>
          </div>
          {failure && Object.keys(failure.fieldErrors).length === 0 && (
            <p role="alert" className="text-sm text-red-700 sm:col-span-3">
              {failure.message}
            </p>
          )}
        </form>
      )}
    </li>
  );
}

export function NameField({ id, name, label, value, error, lang, hint }: { id: string; name: string; label: string; value?: string; error?: string; lang?: string; hint?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={value}
        lang={lang}
        maxLength={40}
        required
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
