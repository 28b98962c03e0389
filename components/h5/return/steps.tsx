"use client";

import type { Dispatch } from "react";
import type { H5Messages } from "@/components/i18n/h5-messages";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import { RETURN_TYPES, type ReasonCode, type ReturnType } from "@/server/domain/vocabulary";
import { format, yuan } from "@/components/format";
import { thumbUrl } from "../photos/urls";
import type { Draft, DraftAction } from "./draft";
import { lineRefundFen } from "./refund";
import type { LineView, WizardSetup } from "./view";

type T = H5Messages["wizard"];

function Check({ checked }: { checked: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`flex size-6 shrink-0 items-center justify-center rounded-md ring-1 ${checked ? "bg-accent-700 text-white ring-accent-700" : "bg-white ring-slate-400"}`}
    >
      {checked && (
        <svg className="size-4" viewBox="0 0 20 20" fill="currentColor">
          <path fillRule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z" clipRule="evenodd" />
        </svg>
      )}
    </span>
  );
}

function Stepper({ line, value, t, disabled, onChange }: { line: LineView; value: number; t: T; disabled: boolean; onChange: (n: number) => void }) {
  const btn = "flex size-11 items-center justify-center rounded-lg bg-white text-xl font-semibold text-slate-800 ring-1 ring-slate-300 disabled:opacity-40";
  return (
    <div className="flex items-center gap-2" role="group" aria-label={`${t.lines.quantity} · ${line.title}`}>
      <button type="button" aria-label={t.lines.decrease} disabled={disabled || value <= 1} onClick={() => onChange(value - 1)} className={btn}>
        −
      </button>
      <output aria-live="polite" aria-label={t.lines.quantity} className="min-w-8 text-center text-lg font-semibold tabular-nums">
        {value}
      </output>
      <button type="button" aria-label={t.lines.increase} disabled={disabled || value >= line.returnableQuantity} onClick={() => onChange(value + 1)} className={btn}>
        +
      </button>
    </div>
  );
}

export function StepLines({ setup, draft, dispatch, t, disabled }: { setup: WizardSetup; draft: Draft; dispatch: Dispatch<DraftAction>; t: T; disabled: boolean }) {
  const anyReturnable = setup.lines.some((l) => l.returnableQuantity > 0);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t.lines.intro}</p>
      {!anyReturnable && <p className="rounded-xl bg-amber-50 px-3 py-3 text-sm text-amber-900 ring-1 ring-amber-200">{t.lines.noneReturnable}</p>}
      <ul className="space-y-3">
        {setup.lines.map((line) => {
          const choice = draft.lines[line.id];
          const selectable = line.returnableQuantity > 0;
          return (
            <Card as="li" key={line.id} radius="2xl" padding="sm" tone={choice ? "selected" : "default"} data-line={line.title}>
              <label className="relative flex items-start gap-3">
                {/* The whole card is the checkbox: a transparent input over it takes the tap. */}
                <input
                  type="checkbox"
                  className="peer absolute inset-0 z-10 size-full cursor-pointer opacity-0 disabled:cursor-default"
                  checked={!!choice}
                  disabled={!selectable || disabled}
                  onChange={() => dispatch({ kind: "toggle", lineId: line.id })}
                  aria-label={format(t.lines.select, { title: line.title })}
                />
                {selectable ? (
                  <span className="mt-0.5 rounded-md peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent-600">
                    <Check checked={!!choice} />
                  </span>
                ) : (
                  <span className="mt-0.5 size-6 shrink-0 rounded-md bg-slate-100 ring-1 ring-slate-200" aria-hidden="true" />
                )}
                <span className="min-w-0 flex-1">
                  <span className={`block font-medium ${selectable ? "text-slate-900" : "text-slate-600"}`}>{line.title}</span>
                  {line.attributes && <span className="block text-sm text-slate-600">{line.attributes}</span>}
                  <span className="mt-1 block text-sm text-slate-600">
                    {format(t.lines.bought, { n: line.quantity })} · {format(t.lines.paid, { amount: yuan(line.paidFen) })}
                  </span>
                  {selectable ? (
                    <span className="mt-0.5 block text-sm text-slate-700">
                      {format(t.lines.returnable, { n: line.returnableQuantity, amount: yuan(line.refundableFen) })}
                      {line.windowEnds && <> · {format(t.lines.windowEnds, { date: line.windowEnds })}</>}
                    </span>
                  ) : (
                    <span className="mt-1 block text-sm font-medium text-amber-800">
                      {t.lines.notReturnable}
                      {line.reason ? t.lines.why[line.reason] : ""}
                      {line.reason === "return_window_passed" && line.windowEnds ? format(t.lines.windowEnded, { date: line.windowEnds }) : ""}
                    </span>
                  )}
                </span>
              </label>
              {choice && line.returnableQuantity > 1 && (
                <div className="mt-3 flex items-center justify-between gap-3 border-t border-slate-100 pt-3">
                  <span className="text-sm text-slate-700">{t.lines.quantity}</span>
                  <Stepper line={line} value={choice.quantity} t={t} disabled={disabled} onChange={(n) => dispatch({ kind: "quantity", lineId: line.id, quantity: n })} />
                </div>
              )}
            </Card>
          );
        })}
      </ul>
    </div>
  );
}

export function StepType({ setup, draft, dispatch, t }: { setup: WizardSetup; draft: Draft; dispatch: Dispatch<DraftAction>; t: T }) {
  const chosen = setup.lines.filter((l) => draft.lines[l.id]);
  const exchangeable = chosen.length > 0 && chosen.every((l) => l.variants.length > 0);
  return (
    <div className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t.type.legend}</legend>
        {RETURN_TYPES.map((type: ReturnType) => {
          const disabled = type === "exchange" && !exchangeable;
          const checked = draft.type === type;
          return (
            <label
              key={type}
              className={`flex min-h-14 items-center gap-3 rounded-xl bg-white px-3 py-2.5 ring-1 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-600 ${
                checked ? "ring-2 ring-accent-600" : "ring-slate-200"
              } ${disabled ? "opacity-60" : "cursor-pointer"}`}
            >
              <input type="radio" name="type" value={type} checked={checked} disabled={disabled} onChange={() => dispatch({ kind: "type", value: type })} className="size-5 shrink-0 accent-accent-700" />
              <span className="min-w-0">
                <span className="block font-medium text-slate-900">{setup.typeNames[type]}</span>
                <span className="block text-sm text-slate-600">{disabled ? t.type.noExchange : t.type.help[type]}</span>
              </span>
            </label>
          );
        })}
      </fieldset>

      <section aria-labelledby="reasons-heading" className="space-y-3">
        <h3 id="reasons-heading" className="text-base font-semibold text-slate-900">
          {t.type.reasonsTitle}
        </h3>
        {chosen.map((line) => {
          const choice = draft.lines[line.id]!;
          const base = `line-${line.id}`;
          return (
            <Card key={line.id} radius="2xl" padding="sm" className="space-y-3" data-line={line.title}>
              <p className="font-medium text-slate-900">
                {line.title} <span className="text-sm font-normal text-slate-600">{format(t.review.qty, { n: choice.quantity })}</span>
              </p>
              <Field id={`${base}-reason`} label={t.type.reason}>
                <select
                  value={choice.reasonCode}
                  onChange={(e) => dispatch({ kind: "line", lineId: line.id, change: { reasonCode: e.target.value as ReasonCode } })}
                  className={inputClass}
                >
                  <option value="" disabled>
                    {t.type.reasonPlaceholder}
                  </option>
                  {setup.reasons.map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.photoRequired ? `${r.label}（${t.type.photoNeeded}）` : r.label}
                    </option>
                  ))}
                </select>
              </Field>
              {draft.type === "exchange" && (
                <fieldset>
                  <legend className="mb-1.5 text-sm font-medium text-slate-800">{t.type.variant}</legend>
                  {line.variants.length === 0 ? (
                    <p className="text-sm text-amber-800">{t.type.variantNone}</p>
                  ) : (
                    <div className="flex flex-wrap gap-2">
                      {line.variants.map((v) => {
                        const on = choice.exchangeSkuId === v.id;
                        return (
                          <label
                            key={v.id}
                            className={`relative inline-flex min-h-11 items-center rounded-lg px-3 text-sm has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-600 ${
                              on ? "bg-accent-50 font-semibold text-accent-800 ring-2 ring-accent-600" : "bg-white text-slate-800 ring-1 ring-slate-300"
                            }`}
                          >
                            <input
                              type="radio"
                              name={`${base}-variant`}
                              value={v.id}
                              checked={on}
                              onChange={() => dispatch({ kind: "line", lineId: line.id, change: { exchangeSkuId: v.id } })}
                              className="absolute inset-0 size-full cursor-pointer opacity-0"
                            />
                            {v.label}
                          </label>
                        );
                      })}
                    </div>
                  )}
                </fieldset>
              )}
              <Field id={`${base}-note`} label={t.type.note}>
                <textarea
                  rows={2}
                  maxLength={500}
                  value={choice.note}
                  placeholder={t.type.notePlaceholder}
                  onChange={(e) => dispatch({ kind: "line", lineId: line.id, change: { note: e.target.value } })}
                  className={inputClass}
                />
              </Field>
            </Card>
          );
        })}
      </section>
    </div>
  );
}

export function StepReview({ setup, draft, t, photos, onEdit }: { setup: WizardSetup; draft: Draft; t: T; photos: { id: string }[]; onEdit: (step: number) => void }) {
  const photoCount = photos.length;
  const chosen = setup.lines.filter((l) => draft.lines[l.id]);
  const refund = chosen.reduce((sum, l) => sum + lineRefundFen(l, draft.lines[l.id]!.quantity), 0);
  const reasonName = (code: string) => setup.reasons.find((r) => r.code === code)?.label ?? code;
  const edit = (step: number) => (
    <button type="button" onClick={() => onEdit(step)} className="-my-2 inline-flex min-h-11 items-center rounded-lg px-2 text-sm font-medium text-accent-700 hover:bg-slate-100">
      {t.review.edit}
    </button>
  );
  return (
    <div className="space-y-3">
      <Card as="section" radius="2xl">
        <div className="flex items-center justify-between">
          <h3 className="text-sm text-slate-600">{t.review.type}</h3>
          {edit(1)}
        </div>
        <p className="text-lg font-semibold text-slate-900">{draft.type ? setup.typeNames[draft.type] : ""}</p>
      </Card>

      <Card as="section" radius="2xl">
        <div className="flex items-center justify-between">
          <h3 className="text-sm text-slate-600">{t.review.items}</h3>
          {edit(0)}
        </div>
        <ul className="mt-1 divide-y divide-slate-100">
          {chosen.map((l) => {
            const c = draft.lines[l.id]!;
            const variant = l.variants.find((v) => v.id === c.exchangeSkuId);
            return (
              <li key={l.id} className="py-2.5">
                <p className="flex justify-between gap-3 font-medium text-slate-900">
                  <span>{l.title}</span>
                  <span className="shrink-0 tabular-nums">{format(t.review.qty, { n: c.quantity })}</span>
                </p>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                  <dt className="text-slate-600">{t.review.reason}</dt>
                  <dd className="text-slate-900">{reasonName(c.reasonCode)}</dd>
                  {draft.type === "exchange" && variant && (
                    <>
                      <dt className="text-slate-600">{t.review.exchangeTo}</dt>
                      <dd className="text-slate-900">{variant.label}</dd>
                    </>
                  )}
                  {c.note.trim() && (
                    <>
                      <dt className="text-slate-600">{t.review.note}</dt>
                      <dd className="break-words text-slate-900">{c.note.trim()}</dd>
                    </>
                  )}
                </dl>
              </li>
            );
          })}
        </ul>
      </Card>

      <Card as="section" radius="2xl">
        <div className="flex items-center justify-between">
          <h3 className="text-sm text-slate-600">{t.review.photos}</h3>
          {edit(2)}
        </div>
        <p className="text-slate-900">{photoCount > 0 ? format(t.photos.count, { n: photoCount, max: setup.maxPhotos }) : t.review.noPhotos}</p>
        {photoCount > 0 && (
          <ul className="mt-2 flex flex-wrap gap-2">
            {photos.map((p, i) => (
              <li key={p.id}>
                {/* eslint-disable-next-line @next/next/no-img-element -- the customer's private thumbnail */}
                <img src={thumbUrl(p.id)} alt={`${t.review.photos} ${i + 1}`} className="size-14 rounded-lg object-cover ring-1 ring-slate-200" />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <section className="rounded-2xl bg-accent-50 p-4 ring-1 ring-accent-100">
        {draft.type === "exchange" ? (
          <p className="text-sm text-slate-800">{t.review.exchangeNoRefund}</p>
        ) : (
          <>
            <p className="flex items-baseline justify-between">
              <span className="text-sm text-slate-700">{t.review.refund}</span>
              <span className="text-2xl font-semibold text-accent-800 tabular-nums">{yuan(refund)}</span>
            </p>
            <p className="mt-1 text-xs text-slate-600">{t.review.refundNote}</p>
          </>
        )}
      </section>
    </div>
  );
}
