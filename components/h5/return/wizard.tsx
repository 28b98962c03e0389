"use client";

import { useEffect, useReducer, useRef, useState, useSyncExternalStore } from "react";
import type { H5Messages } from "@/components/i18n/h5-messages";
import { buttonClass } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { api, failureOf } from "../api";
import { format, yuan } from "@/components/format";
import { PhotoGrid } from "../photos/photo-grid";
import { usePhotoUploads } from "../photos/use-photo-uploads";
import { draftReducer, dropDraft, emptyDraft, loadDraft, newIdempotencyKey, reconcile, saveDraft, type Draft } from "./draft";
import { lineRefundFen } from "./refund";
import { StepLines, StepReview, StepType } from "./steps";
import type { WizardSetup } from "./view";

const LAST_STEP = 3;
const noop = () => () => {};

/** The server render and the first client render agree on "not yet"; after that, the browser's own state. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

function initialDraft(setup: WizardSetup): { draft: Draft; restored: boolean } {
  if (typeof window === "undefined") return { draft: emptyDraft(setup.orderId, ""), restored: false };
  const facts = setup.lines.map((l) => ({ id: l.id, returnableQuantity: l.returnableQuantity, exchangeVariantIds: l.variants.map((v) => v.id) }));
  const saved = loadDraft(setup.orderNo);
  const fixed = saved ? reconcile(saved, setup.orderId, facts, setup.reasons.map((r) => r.code)) : null;
  if (fixed) return { draft: fixed, restored: Object.keys(fixed.lines).length > 0 || fixed.photos.length > 0 };
  return { draft: emptyDraft(setup.orderId, newIdempotencyKey()), restored: false };
}

/**
 * The return form: lines → type and reasons → photos → review, one client tree with its state
 * in a reducer that is saved to localStorage on every change.
 */
export function ReturnWizard({ setup, t, tp }: { setup: WizardSetup; t: H5Messages["wizard"]; tp: H5Messages["photo"] }) {
  const hydrated = useHydrated();
  const [start] = useState(() => initialDraft(setup));
  const [draft, dispatch] = useReducer(draftReducer, start.draft);
  const [restoredNote, setRestoredNote] = useState(start.restored);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submitted = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const uploads = usePhotoUploads(setup.maxPhotos, { tooMany: format(tp.tooMany, { max: setup.maxPhotos }), tooLarge: tp.tooLarge, network: tp.network }, start.draft.photos);

  const view = hydrated ? draft : emptyDraft(setup.orderId, "");
  const step = view.step;
  const chosen = setup.lines.filter((l) => view.lines[l.id]);
  const needsPhoto = chosen.some((l) => setup.reasons.find((r) => r.code === view.lines[l.id]?.reasonCode)?.photoRequired);

  // Every change is saved at once: a reload, a crash or a dropped connection loses nothing.
  const snapshot = hydrated ? JSON.stringify({ ...draft, photos: uploads.uploaded }) : null;
  useEffect(() => {
    if (snapshot && !submitted.current) saveDraft(setup.orderNo, JSON.parse(snapshot) as Draft);
  }, [snapshot, setup.orderNo]);

  const problemAt = (upTo: number): string | null => {
    if (chosen.length === 0) return t.lines.pickOne;
    if (upTo < 1) return null;
    if (!view.type) return t.type.pickType;
    if (chosen.some((l) => !view.lines[l.id]?.reasonCode)) return t.type.pickReason;
    if (view.type === "exchange" && chosen.some((l) => !view.lines[l.id]?.exchangeSkuId)) return t.type.pickVariant;
    if (upTo < 2) return null;
    if (uploads.busy || uploads.failed) return t.photos.waitUploads;
    if (needsPhoto && uploads.uploaded.length === 0) return t.photos.needOne;
    return null;
  };

  const goTo = (next: number) => {
    setError(null);
    setRestoredNote(false);
    dispatch({ kind: "step", step: next });
    window.scrollTo({ top: 0 });
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const onNext = () => {
    const problem = problemAt(step);
    if (problem) setError(problem);
    else goTo(step + 1);
  };

  const startOver = () => {
    for (const item of uploads.items) uploads.remove(item.key);
    setRestoredNote(false);
    setError(null);
    dispatch({ kind: "replace", draft: emptyDraft(setup.orderId, newIdempotencyKey()) });
  };

  const submit = async () => {
    if (pending) return;
    const problem = problemAt(LAST_STEP);
    if (problem) {
      setError(problem);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const res = await api.customer.submit.mutate({
        orderId: setup.orderId,
        type: view.type as Exclude<Draft["type"], "">,
        idempotencyKey: view.idempotencyKey,
        photoIds: uploads.uploaded.map((p) => p.id),
        lines: chosen.map((l) => {
          const c = view.lines[l.id]!;
          return {
            orderLineId: l.id,
            quantity: c.quantity,
            reasonCode: c.reasonCode as Exclude<typeof c.reasonCode, "">,
            note: c.note.trim() || undefined,
            exchangeSkuId: view.type === "exchange" ? c.exchangeSkuId : undefined,
          };
        }),
      });
      submitted.current = true;
      dropDraft(setup.orderNo);
      uploads.clear();
      // Replace: "back" from the request should not land on a form for items now claimed.
      window.location.replace(`/requests/${encodeURIComponent(res.rmaNo)}?new=1`);
    } catch (e) {
      const f = failureOf(e, tp.network);
      const fields = Object.values(f.fieldErrors);
      setError(fields.length ? `${f.message}：${fields.join("；")}` : f.message);
      setPending(false);
    }
  };

  const refund = chosen.reduce((sum, l) => sum + lineRefundFen(l, view.lines[l.id]!.quantity), 0);
  const units = chosen.reduce((sum, l) => sum + view.lines[l.id]!.quantity, 0);

  return (
    <div>
      <nav aria-label={t.stepsLabel} className="mb-4">
        <ol className="grid grid-cols-4 gap-1.5">
          {t.steps.map((name, i) => (
            <li key={name} aria-current={i === step ? "step" : undefined} className="min-w-0">
              <span className={`block h-1.5 rounded-full ${i <= step ? "bg-accent-700" : "bg-slate-200"}`} />
              <span className={`mt-1 block truncate text-xs ${i === step ? "font-semibold text-accent-800" : "text-slate-600"}`}>
                {i + 1}. {name}
              </span>
            </li>
          ))}
        </ol>
      </nav>

      <h2 ref={headingRef} tabIndex={-1} className="mb-1 text-xl font-semibold text-slate-900 focus:outline-none">
        {[t.lines.title, t.type.title, t.photos.title, t.review.title][step]}
      </h2>
      <p className="sr-only" aria-live="polite">
        {format(t.stepOf, { n: step + 1, total: LAST_STEP + 1, name: t.steps[step] ?? "" })}
      </p>

      {hydrated && restoredNote && (
        <div className="mb-3 flex items-center justify-between gap-3 rounded-lg border border-sky-200 bg-sky-50 px-3 py-1 text-sm text-sky-900">
          <span>{t.draftRestored}</span>
          <button type="button" onClick={startOver} className="inline-flex min-h-11 shrink-0 items-center rounded-lg px-2 font-medium text-sky-900 underline underline-offset-2">
            {t.startOver}
          </button>
        </div>
      )}

      {step === 0 && <StepLines setup={setup} draft={view} dispatch={dispatch} t={t} disabled={!hydrated} />}
      {step === 1 && <StepType setup={setup} draft={view} dispatch={dispatch} t={t} />}
      {step === 2 && (
        <div className="space-y-3">
          <p className="text-sm text-slate-600">{format(t.photos.intro, { max: setup.maxPhotos })}</p>
          <p className={`text-sm ${needsPhoto ? "font-medium text-amber-800" : "text-slate-600"}`}>{needsPhoto ? t.photos.required : t.photos.optional}</p>
          <PhotoGrid uploads={uploads} max={setup.maxPhotos} t={{ ...tp, add: t.photos.add, count: t.photos.count }} label={t.photos.title} />
        </div>
      )}
      {step === 3 && <StepReview setup={setup} draft={view} t={t} photos={uploads.uploaded} onEdit={goTo} />}

      {/* Sticky, not fixed: it rides at the bottom of the screen and never covers the end of the form. */}
      <div className="sticky bottom-0 z-10 -mx-4 mt-6 border-t border-slate-200 bg-white/95 pb-[env(safe-area-inset-bottom)] shadow-[0_-4px_12px_rgba(15,23,42,0.06)] backdrop-blur sm:rounded-t-2xl sm:border-x">
        <div className="space-y-2 px-4 py-2.5">
          {error && (
            <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
              {error}
            </p>
          )}
          {units > 0 && (
            <p className="flex justify-between gap-3 text-sm text-slate-700">
              <span>{format(t.selected, { n: units })}</span>
              {view.type !== "exchange" && (
                <span>
                  {t.review.refund} <span className="font-semibold text-slate-900 tabular-nums">{yuan(refund)}</span>
                </span>
              )}
            </p>
          )}
          <div className="flex gap-2">
            {step > 0 && (
              <button type="button" onClick={() => goTo(step - 1)} disabled={pending} className={buttonClass("secondary", "flex-1 text-base")}>
                {t.back}
              </button>
            )}
            {step < LAST_STEP ? (
              <button type="button" onClick={onNext} disabled={!hydrated} className={buttonClass("primary", "flex-[2] text-base")}>
                {t.next}
              </button>
            ) : (
              <button type="button" onClick={() => void submit()} disabled={pending} aria-busy={pending} className={buttonClass("primary", "flex-[2] text-base")}>
                {pending && <Spinner />}
                {pending ? t.submitting : t.submit}
              </button>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
