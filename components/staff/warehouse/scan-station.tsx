"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { dateTime, format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { warehouseMessages } from "@/components/i18n/warehouse-messages";
import { useTRPCClient } from "@/components/staff/trpc";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { CameraScanner } from "./camera-scanner";
import { OutcomeBanner } from "./outcome-banner";
import { ParcelForm, type PrimaryStep } from "./parcel-form";
import { RequestSummary } from "./request-summary";
import type { LookupResult, ReceiptResult, RecordedOutcome, ScanRequest } from "./types";
import { UnmatchedDialog } from "./unmatched-dialog";
import { useScannerKeys } from "./use-scanner-keys";

type View = { kind: "idle" } | { kind: "looking"; code: string } | { kind: "failed"; code: string; message: string } | { kind: "answer"; answer: LookupResult };

const noSubscription = () => () => {};

/** On a touch phone a focused field opens the keyboard over the camera button: focus only where a scanner types. */
const focusesByItself = () => typeof window !== "undefined" && !window.matchMedia("(pointer: coarse)").matches;

/**
 * The scan station: one field that a USB scanner types into from anywhere on the page, the camera
 * for phones, and below it whatever the last scan found — the request to inspect, a request that is
 * not awaiting goods, an unmatched parcel, or nothing (then "record unmatched parcel"). After a
 * parcel is recorded the outcome stays on screen and the field is ready for the next one.
 */
export function ScanStation({ canRecord, initialCode }: { canRecord: boolean; initialCode: string | null }) {
  const locale = useLocale();
  const t = warehouseMessages(locale);
  const client = useTRPCClient();
  const toast = useToast();
  const field = useRef<HTMLInputElement>(null);
  const primary = useRef<PrimaryStep | null>(null);
  const [code, setCode] = useState("");
  const [view, setView] = useState<View>({ kind: "idle" });
  const [outcome, setOutcome] = useState<RecordedOutcome | null>(null);
  const [camera, setCamera] = useState(false);
  const [unmatched, setUnmatched] = useState<string | null>(null);
  // A new lookup of the same request must start a fresh form (new version, new defaults).
  const [lookups, setLookups] = useState(0);
  // "Someone else acted first": said above the freshly read request.
  const [notice, setNotice] = useState<string | null>(null);

  const refocus = useCallback(() => {
    if (focusesByItself()) field.current?.focus();
  }, []);

  const lookup = useCallback(
    async (raw: string) => {
      const scanned = raw.trim().slice(0, 64);
      if (!scanned) return;
      setCode("");
      setOutcome(null);
      setNotice(null);
      setView({ kind: "looking", code: scanned });
      try {
        const answer = await client.warehouse.lookup.query({ code: scanned });
        setView({ kind: "answer", answer });
        setLookups((n) => n + 1);
      } catch (e) {
        setView({ kind: "failed", code: scanned, message: e instanceof Error ? e.message : String(e) });
      }
      refocus();
    },
    [client, refocus],
  );

  useScannerKeys(field, (ch) => setCode((c) => c + ch));

  // /dashboard/warehouse?code=RMA… (the request screen's "receive" points here) opens that request.
  useEffect(() => {
    // After the first paint, as if scanned (the lookup's states are the page's own, not the effect's).
    const timer = setTimeout(() => (initialCode ? void lookup(initialCode) : refocus()), 0);
    return () => clearTimeout(timer);
  }, [initialCode, lookup, refocus]);

  // Clicking somewhere that takes no focus (the page, a text) gives the focus back to the field.
  useEffect(() => {
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget) return;
      setTimeout(() => {
        if (document.activeElement === document.body && !document.querySelector("dialog[open]")) refocus();
      }, 0);
    };
    document.addEventListener("focusout", onFocusOut);
    return () => document.removeEventListener("focusout", onFocusOut);
  }, [refocus]);

  // False in the server's HTML, true once hydrated: keys pressed before then cannot be heard (the tests wait for it).
  const listening = useSyncExternalStore(noSubscription, () => true, () => false);

  const request: ScanRequest | null = view.kind === "answer" && view.answer.kind === "request" ? view.answer.request : null;
  const recordable = Boolean(request?.awaitingGoods && canRecord);

  const recorded = (result: ReceiptResult) => {
    if (!request) return;
    setOutcome({ rmaNo: request.rmaNo, result, titles: Object.fromEntries(request.lines.map((l) => [l.returnLineId, l.title])) });
    setView({ kind: "idle" });
    refocus();
  };

  return (
    <div className="space-y-5" data-station={listening ? "ready" : "starting"}>
      <Card as="section" aria-label={t.scanLabel} padding="md">
        <form
          role="search"
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim()) void lookup(code);
            else if (recordable) primary.current?.run();
          }}
        >
          <div className="min-w-0 flex-1 space-y-1.5">
            <label htmlFor="scan-field" className="block text-sm font-medium text-slate-800">
              {t.scanLabel}
            </label>
            <input
              ref={field}
              id="scan-field"
              type="text"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              placeholder={t.scanPlaceholder}
              aria-describedby="scan-hint"
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="search"
              maxLength={64}
              data-scan-field
              className={`${inputClass} font-mono text-lg tracking-wide`}
            />
            <p id="scan-hint" className="text-xs text-slate-600">
              {t.scanHint}
            </p>
          </div>
          <div className="flex gap-2 sm:pb-5">
            <button type="submit" className={buttonClass("primary", "flex-1 sm:flex-none")} disabled={view.kind === "looking"}>
              {view.kind === "looking" && <Spinner />}
              {t.find}
            </button>
            <button type="button" onClick={() => setCamera(true)} className={buttonClass("secondary", "flex-1 sm:flex-none")}>
              <svg className="size-5" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
                <path d="M3 7V5a2 2 0 0 1 2-2h2M17 3h2a2 2 0 0 1 2 2v2M21 17v2a2 2 0 0 1-2 2h-2M7 21H5a2 2 0 0 1-2-2v-2M7 12h10" strokeLinecap="round" />
              </svg>
              {t.camera}
            </button>
          </div>
        </form>
      </Card>

      {outcome && <OutcomeBanner outcome={outcome} t={t} />}

      <div aria-live="polite" aria-busy={view.kind === "looking"}>
        {view.kind === "idle" && !outcome && (
          <EmptyState
            icon={
              <path d="M4 7V5a1 1 0 0 1 1-1h2M17 4h2a1 1 0 0 1 1 1v2M20 17v2a1 1 0 0 1-1 1h-2M7 20H5a1 1 0 0 1-1-1v-2M8 8v8M11 8v8M14 8v8M17 8v8" strokeLinecap="round" />
            }
            title={t.idleTitle}
            body={t.idleBody}
            action={
              <a href="/dashboard/warehouse/unmatched" className={buttonClass("secondary")}>
                {t.unmatchedLink}
              </a>
            }
          />
        )}
        {view.kind === "looking" && (
          <p className="flex items-center gap-2 py-6 text-sm text-slate-700">
            <Spinner /> {t.finding} <span className="font-mono">{view.code}</span>
          </p>
        )}
        {view.kind === "failed" && (
          <Alert>
            {format(t.lookupFailed, { message: view.message })}{" "}
            <button type="button" className="font-semibold underline" onClick={() => void lookup(view.code)}>
              {t.tryAgain}
            </button>
          </Alert>
        )}
        {view.kind === "answer" && view.answer.kind === "none" && (
          <EmptyState
            icon="missing"
            iconTone="neutral"
            title={format(t.noneTitle, { code: view.answer.code })}
            body={t.noneBody}
            action={
              canRecord && (
                <button type="button" className={buttonClass("primary")} onClick={() => view.answer.kind === "none" && setUnmatched(view.answer.code)}>
                  {t.recordUnmatched}
                </button>
              )
            }
          />
        )}
        {view.kind === "answer" && view.answer.kind === "unmatched" && (
          <EmptyState
            icon="inbox"
            iconTone="neutral"
            title={format(t.unmatchedKnownTitle, { code: view.answer.parcel.trackingNo })}
            body={format(t.unmatchedKnownBody, { at: dateTime(view.answer.parcel.recordedAt, locale) })}
            action={
              <a href="/dashboard/warehouse/unmatched" className={buttonClass("secondary")}>
                {t.unmatchedLink}
              </a>
            }
          />
        )}
        {request && (
          <Card as="section" aria-labelledby="inspection-heading" padding="md" className="space-y-5">
            {notice && <Alert>{notice}</Alert>}
            <RequestSummary request={request} t={t} locale={locale} />
            {!request.awaitingGoods ? (
              <div role="alert" data-not-awaiting={request.notAwaiting ?? "unknown"} className="rounded-xl border-2 border-red-300 bg-red-50 px-4 py-4 text-red-950">
                <p className="text-lg font-semibold">{format(t.notAwaitingTitle, { rma: request.rmaNo })}</p>
                <p className="mt-1 text-base">{request.notAwaiting ? t.notAwaiting[request.notAwaiting] : ""}</p>
                <p className="mt-1 text-sm opacity-80">{t.nothingToSubmit}</p>
              </div>
            ) : !canRecord ? (
              <Alert tone="info" live={false}>
                {t.readOnly}
              </Alert>
            ) : (
              <ParcelForm key={`${request.id}-${lookups}`} request={request} primary={primary} onRecorded={recorded} onConflict={() => void lookup(request.rmaNo).then(() => setNotice(t.conflict))} />
            )}
          </Card>
        )}
      </div>

      <CameraScanner
        open={camera}
        onClose={() => {
          setCamera(false);
          refocus();
        }}
        onCode={(scanned) => {
          setCamera(false);
          void lookup(scanned);
        }}
      />
      {unmatched !== null && (
        <UnmatchedDialog
          open
          trackingNo={unmatched}
          onClose={() => {
            setUnmatched(null);
            refocus();
          }}
          onSaved={(parcel) => {
            setUnmatched(null);
            setView({ kind: "idle" });
            toast.show(format(t.unmatchedSaved, { code: parcel.trackingNo }), { tone: "success" });
            refocus();
          }}
        />
      )}
    </div>
  );
}
