"use client";

import { useRef, useState } from "react";
import type { ReasonsMessages } from "@/components/i18n/reasons-messages";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import type { Locale } from "@/server/i18n/locale";
import { failureOf, reasonsApi, type Failure } from "./api";
import { NameField, ReasonItem } from "./reason-item";
import { fill, type ReasonKind, type ReasonRow } from "./types";

interface Props {
  kind: ReasonKind;
  initial: ReasonRow[];
  locale: Locale;
  t: ReasonsMessages;
}

/**
 * One kind of reason (customer or rejection): the list in picker order with its actions, and a
 * form to add one. Each change goes to the API with the version the editor saw and the row the
 * API answers with replaces ours, so a stale screen gets a conflict instead of overwriting.
 */
export function ReasonList({ kind, initial, locale, t }: Props) {
  const [rows, setRows] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [addFailure, setAddFailure] = useState<Failure | null>(null);
  const [adding, setAdding] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = `reasons-${kind}-heading`;
  const nameOf = (r: ReasonRow) => (locale === "en" ? r.nameEn : r.nameZh);

  const replace = (row: ReasonRow) => setRows((all) => all.map((r) => (r.id === row.id ? row : r)));

  /** Runs one change; shows the server's (localized) refusal above the list. */
  async function change(work: () => Promise<void>) {
    setBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setNotice({ tone: "error", text: failureOf(e, t.network).message });
    } finally {
      setBusy(false);
    }
  }

  async function rename(row: ReasonRow, nameZh: string, nameEn: string): Promise<Failure | null> {
    setBusy(true);
    try {
      replace(await reasonsApi.rename.mutate({ id: row.id, version: row.version, nameZh, nameEn }));
      setNotice({ tone: "success", text: t.saved });
      return null;
    } catch (e) {
      return failureOf(e, t.network);
    } finally {
      setBusy(false);
    }
  }

  async function add(form: FormData) {
    setAdding(true);
    setAddFailure(null);
    setNotice(null);
    try {
      const row = await reasonsApi.create.mutate({
        kind,
        code: String(form.get("code") ?? ""),
        nameZh: String(form.get("nameZh") ?? ""),
        nameEn: String(form.get("nameEn") ?? ""),
        photoRequired: form.get("photoRequired") === "on",
      });
      setRows((all) => [...all, row]);
      setNotice({ tone: "success", text: fill(t.added, { name: nameOf(row) }) });
      formRef.current?.reset();
    } catch (e) {
      setAddFailure(failureOf(e, t.network));
    } finally {
      setAdding(false);
    }
  }

  const base = `add-${kind}`;
  return (
    <section aria-labelledby={headingId} className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <div className="border-b border-slate-200 px-4 py-3">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {t.kinds[kind].title}
          <span className="ml-2 text-sm font-normal text-slate-600 tabular-nums">({rows.filter((r) => !r.retired).length})</span>
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">{t.kinds[kind].intro}</p>
      </div>

      <div aria-live="polite" className="empty:hidden px-4 pt-3">
        {notice && (
          <Alert tone={notice.tone} live={false}>
            {notice.text}
          </Alert>
        )}
      </div>

      {rows.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600">{t.empty}</p>
      ) : (
        <ol aria-labelledby={headingId} className="divide-y divide-slate-100">
          {rows.map((row, i) => (
            <ReasonItem
              key={row.id}
              row={row}
              first={i === 0}
              last={i === rows.length - 1}
              locale={locale}
              t={t}
              busy={busy}
              onMove={(direction) => change(async () => setRows(await reasonsApi.move.mutate({ id: row.id, version: row.version, direction })))}
              onPhoto={(photoRequired) => change(async () => replace(await reasonsApi.setPhotoRequired.mutate({ id: row.id, version: row.version, photoRequired })))}
              onRetire={() => change(async () => replace(await reasonsApi.retire.mutate({ id: row.id, version: row.version })))}
              onRestore={() => change(async () => replace(await reasonsApi.restore.mutate({ id: row.id, version: row.version })))}
              onRename={(nameZh, nameEn) => rename(row, nameZh, nameEn)}
            />
          ))}
        </ol>
      )}

      <form ref={formRef} action={add} noValidate aria-labelledby={`${base}-title`} className="border-t border-slate-200 bg-slate-50/60 px-4 py-4">
        <h3 id={`${base}-title`} className="mb-3 text-sm font-semibold text-slate-900">
          {t.addTitle[kind]}
        </h3>
        <div className="grid gap-3 md:grid-cols-3">
          <NameField id={`${base}-zh`} name="nameZh" label={t.nameZh} error={addFailure?.fieldErrors.nameZh} lang="zh-CN" />
          <NameField id={`${base}-en`} name="nameEn" label={t.nameEn} error={addFailure?.fieldErrors.nameEn} lang="en" />
          <NameField id={`${base}-code`} name="code" label={t.code} error={addFailure?.fieldErrors.code} lang="en" hint={t.codeHint} />
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-3">
          {kind === "customer" && (
            <label className="inline-flex min-h-11 items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="photoRequired" className="size-5 accent-accent-700" />
              {t.addPhoto}
            </label>
          )}
          <button type="submit" className={buttonClass("primary")} disabled={adding}>
            {adding ? t.adding : t.add}
          </button>
        </div>
        {addFailure && Object.keys(addFailure.fieldErrors).length === 0 && (
          <Alert className="mt-3">{addFailure.message}</Alert>
        )}
      </form>
    </section>
  );
}
