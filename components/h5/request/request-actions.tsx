"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { format } from "@/components/format";
import type { H5Messages } from "@/components/i18n/h5-messages";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
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
    <Card as="section" radius="2xl" aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </Card>
  );
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
        <Field label={t.carrier} error={errors.carrier}>
          {(field) => (
            <select {...field} value={carrier} onChange={(e) => setCarrier(e.target.value)} className={inputClass}>
              <option value="" disabled>
                {t.carrierPlaceholder}
              </option>
              {carriers.map((c) => (
                <option key={c} value={c}>
                  {t.carriers[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.trackingNo} error={errors.trackingNo}>
          {(field) => (
            <input
              {...field}
              value={trackingNo}
              onChange={(e) => setTrackingNo(e.target.value)}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              placeholder={t.trackingPlaceholder}
              className={`${inputClass} font-mono`}
            />
          )}
        </Field>
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
  const [comment, setComment] = useState("");
  const { pending, failure, run } = useAction(t.network);
  const uploads = usePhotoUploads(photos?.max ?? 0, { tooMany: photos ? format(photos.tp.tooMany, { max: photos.max }) : "", tooLarge: photos?.tp.tooLarge ?? "", network: photos?.tp.network ?? "" });
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
        <Field label={label} error={error}>
          {(field) => (
            <textarea
              {...field}
              rows={3}
              maxLength={1000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder={placeholder}
              className={inputClass}
            />
          )}
        </Field>
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
    <Card role="group" aria-label={t.cancel} radius="2xl" tone="danger" className="space-y-3">
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
          className={buttonClass("danger", "flex-1")}
        >
          {pending && <Spinner />}
          {t.cancelYes}
        </button>
      </div>
    </Card>
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
