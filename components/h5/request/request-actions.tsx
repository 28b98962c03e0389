"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import type { H5Messages } from "@/components/i18n/h5-messages";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { Action } from "@/server/domain/vocabulary";
import type { CARRIERS } from "@/server/schemas/customer";
import { api, failureOf, type ApiFailure } from "../api";
import { PhotoGrid } from "../photos/photo-grid";
import { usePhotoUploads } from "../photos/use-photo-uploads";

type Carrier = (typeof CARRIERS)[number];

export interface ActionsProps {
  requestId: string;
  version: number;
  allowed: Action[];
  maxPhotos: number;
  carriers: readonly Carrier[];
  t: H5Messages["actions"];
  tp: H5Messages["photo"] & { add: string; count: string };
}

/** One call to the API with its pending state and the server's localized refusal. */
function useAction(network: string) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const run = async (call: () => Promise<unknown>) => {
    if (pending) return false;
    setPending(true);
    setFailure(null);
    try {
      await call();
      // Fresh status, timeline and actions from the server.
      router.refresh();
      return true;
    } catch (e) {
      // A version conflict is shown, not refreshed away: the message tells the customer to reload.
      setFailure(failureOf(e, network));
      return false;
    } finally {
      setPending(false);
    }
  };
  return { pending, failure, run };
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id={id} className="mb-3 text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

function SubmitButton({ pending, label, sending }: { pending: boolean; label: string; sending: string }) {
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className={buttonClass("primary", "w-full text-base")}>
      {pending && <Spinner />}
      {pending ? sending : label}
    </button>
  );
}

function ShipForm({ requestId, version, carriers, t }: Pick<ActionsProps, "requestId" | "version" | "carriers" | "t">) {
  const id = useId();
  const [carrier, setCarrier] = useState("");
  const [trackingNo, setTrackingNo] = useState("");
  const { pending, failure, run } = useAction(t.network);
  const errors = failure?.fieldErrors ?? {};
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api.customer.ship.mutate({ requestId, version, carrier: carrier as Carrier, trackingNo: trackingNo.replace(/\s/g, "") }));
  };
  return (
    <Panel title={t.shipTitle}>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        {failure && !failure.fieldErrors.carrier && !failure.fieldErrors.trackingNo && <Alert>{failure.message}</Alert>}
        <div className="space-y-1.5">
          <label htmlFor={`${id}-carrier`} className="block text-sm font-medium text-slate-800">
            {t.carrier}
          </label>
          <select
            id={`${id}-carrier`}
            value={carrier}
            onChange={(e) => setCarrier(e.target.value)}
            aria-invalid={errors.carrier ? true : undefined}
            aria-describedby={errors.carrier ? `${id}-carrier-error` : undefined}
            className={inputClass}
          >
            <option value="" disabled>
              {t.carrierPlaceholder}
            </option>
            {carriers.map((c) => (
              <option key={c} value={c}>
                {t.carriers[c]}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-carrier-error`} message={errors.carrier} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-tracking`} className="block text-sm font-medium text-slate-800">
            {t.trackingNo}
          </label>
          <input
            id={`${id}-tracking`}
            value={trackingNo}
            onChange={(e) => setTrackingNo(e.target.value)}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            placeholder={t.trackingPlaceholder}
            aria-invalid={errors.trackingNo ? true : undefined}
            aria-describedby={errors.trackingNo ? `${id}-tracking-error` : undefined}
            className={`${inputClass} font-mono`}
          />
          <FieldError id={`${id}-tracking-error`} message={errors.trackingNo} />
        </div>
        <SubmitButton pending={pending} label={t.shipSubmit} sending={t.sending} />
      </form>
    </Panel>
  );
}

function CommentForm({
  title,
  label,
  placeholder,
  submit,
  note,
  photos,
  t,
  onSend,
}: {
  title: string;
  label: string;
  placeholder: string;
  submit: string;
  note?: string;
  photos?: { max: number; tp: ActionsProps["tp"]; label: string };
  t: ActionsProps["t"];
  onSend: (comment: string, photoIds: string[]) => Promise<unknown>;
}) {
  const id = useId();
  const [comment, setComment] = useState("");
  const { pending, failure, run } = useAction(t.network);
  const uploads = usePhotoUploads(photos?.max ?? 0, { tooMany: photos?.tp.tooMany.replace("{max}", String(photos.max)) ?? "", tooLarge: photos?.tp.tooLarge ?? "", network: photos?.tp.network ?? "" });
  const [localError, setLocalError] = useState<string | null>(null);
  const error = failure?.fieldErrors.comment;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (photos && (uploads.busy || uploads.failed)) {
      setLocalError(t.waitUploads);
      return;
    }
    setLocalError(null);
    const ok = await run(() => onSend(comment.trim(), uploads.uploaded.map((p) => p.id)));
    if (ok) uploads.clear();
  };
  return (
    <Panel title={title}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-3">
        {note && <p className="text-sm text-slate-600">{note}</p>}
        {failure && !error && <Alert>{failure.message}</Alert>}
        {localError && <Alert>{localError}</Alert>}
        <div className="space-y-1.5">
          <label htmlFor={`${id}-comment`} className="block text-sm font-medium text-slate-800">
            {label}
          </label>
          <textarea
            id={`${id}-comment`}
            rows={3}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={placeholder}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-comment-error` : undefined}
            className={inputClass}
          />
          <FieldError id={`${id}-comment-error`} message={error} />
        </div>
        {photos && <PhotoGrid uploads={uploads} max={photos.max} t={photos.tp} label={photos.label} />}
        <SubmitButton pending={pending} label={submit} sending={t.sending} />
      </form>
    </Panel>
  );
}

function CancelButton({ requestId, version, t }: Pick<ActionsProps, "requestId" | "version" | "t">) {
  const [confirming, setConfirming] = useState(false);
  const { pending, failure, run } = useAction(t.network);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className={buttonClass("secondary", "w-full text-base")}>
        {t.cancel}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t.cancel} className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-red-200">
      <p className="text-sm text-slate-800">{t.cancelConfirm}</p>
      {failure && <Alert>{failure.message}</Alert>}
      <div className="flex gap-2">
        <button type="button" onClick={() => setConfirming(false)} disabled={pending} className={buttonClass("secondary", "flex-1")}>
          {t.cancelNo}
        </button>
        <button
          type="button"
          onClick={() => void run(() => api.customer.cancel.mutate({ requestId, version }))}
          disabled={pending}
          aria-busy={pending}
          className={buttonClass("primary", "flex-1 bg-red-700 hover:bg-red-800")}
        >
          {pending && <Spinner />}
          {t.cancelYes}
        </button>
      </div>
    </div>
  );
}

/** What the customer can do now, straight from request.allowedActions. */
export function RequestActions(props: ActionsProps) {
  const { requestId, version, allowed, t, tp, maxPhotos } = props;
  // Keyed by version: after an action succeeds and the page refreshes, every form starts clean.
  return (
    <div key={version} className="space-y-3">
      {allowed.includes("ship") && <ShipForm {...props} />}
      {allowed.includes("provide_info") && (
        <CommentForm
          title={t.provideTitle}
          label={t.provideLabel}
          placeholder={t.providePlaceholder}
          submit={t.provideSubmit}
          photos={{ max: maxPhotos, tp, label: t.providePhotos }}
          t={t}
          onSend={(comment, photoIds) => api.customer.provideInfo.mutate({ requestId, version, comment, photoIds })}
        />
      )}
      {allowed.includes("appeal") && (
        <CommentForm
          title={t.appealTitle}
          label={t.appealLabel}
          placeholder={t.appealPlaceholder}
          submit={t.appealSubmit}
          note={t.appealOnce}
          t={t}
          onSend={(comment) => api.customer.appeal.mutate({ requestId, version, comment })}
        />
      )}
      {allowed.includes("cancel") && <CancelButton requestId={requestId} version={version} t={t} />}
    </div>
  );
}
