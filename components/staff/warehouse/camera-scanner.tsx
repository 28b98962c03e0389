"use client";

import { useEffect, useRef, useState } from "react";
import { format } from "@/components/format";
import { useLocale } from "@/components/i18n/locale-context";
import { warehouseMessages } from "@/components/i18n/warehouse-messages";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { startDecoder, type DecoderKind, type RunningDecoder } from "./barcode-decoder";

type Problem = { kind: "denied" | "missing" | "insecure" } | { kind: "failed"; message: string };
type Phase = { kind: "starting" } | { kind: "scanning"; decoder: DecoderKind } | { kind: "problem"; problem: Problem };

/** getUserMedia's refusals, named the way a clerk can act on them. */
function problemOf(e: unknown): Problem {
  const name = e instanceof DOMException || e instanceof Error ? e.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return { kind: "denied" };
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "DevicesNotFoundError") return { kind: "missing" };
  return { kind: "failed", message: e instanceof Error ? e.message || e.name : String(e) };
}

/** The torch is a track capability some phones have; lib.dom does not type it. */
function hasTorch(track: MediaStreamTrack | undefined): boolean {
  const caps = track?.getCapabilities?.() as (MediaTrackCapabilities & { torch?: boolean }) | undefined;
  return Boolean(caps?.torch);
}

/**
 * The camera as a scanner (the phone at the packing table): the back camera's picture with a
 * frame to aim at, decoding until one code is read, which is handed to `onCode` (the dialog then
 * closes). Torch where the camera has one; plain messages when permission is refused or no camera exists.
 */
export function CameraScanner({ open, onClose, onCode }: { open: boolean; onClose: () => void; onCode: (code: string) => void }) {
  const t = warehouseMessages(useLocale());
  const video = useRef<HTMLVideoElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "starting" });
  const [torch, setTorch] = useState<{ available: boolean; on: boolean }>({ available: false, on: false });
  const [attempt, setAttempt] = useState(0);
  const stream = useRef<MediaStream | null>(null);
  const latestOnCode = useRef(onCode);
  useEffect(() => {
    latestOnCode.current = onCode;
  });

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    let decoder: RunningDecoder | null = null;
    const stopAll = () => {
      decoder?.stop();
      stream.current?.getTracks().forEach((track) => track.stop());
      stream.current = null;
    };
    (async () => {
      setPhase({ kind: "starting" });
      setTorch({ available: false, on: false });
      if (!navigator.mediaDevices?.getUserMedia) {
        setPhase({ kind: "problem", problem: { kind: window.isSecureContext ? "missing" : "insecure" } });
        return;
      }
      try {
        const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 } }, audio: false });
        if (cancelled) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream.current = media;
        const el = video.current;
        if (!el) return;
        el.srcObject = media;
        await el.play().catch(() => undefined);
        setTorch({ available: hasTorch(media.getVideoTracks()[0]), on: false });
        let done = false;
        decoder = await startDecoder(el, (code) => {
          if (done || cancelled) return;
          done = true;
          stopAll();
          latestOnCode.current(code);
        });
        if (cancelled) decoder.stop();
        else setPhase({ kind: "scanning", decoder: decoder.kind });
      } catch (e) {
        if (!cancelled) setPhase({ kind: "problem", problem: problemOf(e) });
        stopAll();
      }
    })();
    return () => {
      cancelled = true;
      stopAll();
    };
  }, [open, attempt]);

  const switchTorch = async () => {
    const track = stream.current?.getVideoTracks()[0];
    if (!track) return;
    const on = !torch.on;
    try {
      await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
      setTorch({ available: true, on });
    } catch {
      setTorch({ available: false, on: false });
    }
  };

  const problem = phase.kind === "problem" ? phase.problem : null;
  const message = !problem
    ? null
    : problem.kind === "failed"
      ? format(t.cameraFailed, { message: problem.message })
      : { denied: t.cameraDenied, missing: t.cameraMissing, insecure: t.cameraInsecure }[problem.kind];

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t.cameraTitle}
      description={t.cameraHint}
      size="md"
      initialFocus={closeButton}
      footer={
        <>
          {phase.kind === "problem" && (
            <button type="button" className={buttonClass("secondary")} onClick={() => setAttempt((a) => a + 1)}>
              {t.tryAgain}
            </button>
          )}
          {torch.available && (
            <button type="button" className={buttonClass("secondary")} aria-pressed={torch.on} onClick={switchTorch}>
              {torch.on ? t.torchOff : t.torchOn}
            </button>
          )}
          <button ref={closeButton} type="button" className={buttonClass("primary")} onClick={onClose}>
            {t.close}
          </button>
        </>
      }
    >
      <div className="space-y-3" data-camera-phase={phase.kind} data-decoder={phase.kind === "scanning" ? phase.decoder : undefined}>
        {message && <Alert>{message}</Alert>}
        <div className={`relative aspect-[4/3] w-full overflow-hidden rounded-lg bg-slate-900 ${phase.kind === "problem" ? "hidden" : ""}`}>
          {/* The picture only; the decoded code is announced by what the station opens. */}
          <video ref={video} muted playsInline aria-label={t.cameraTitle} className="size-full object-cover" />
          <div aria-hidden="true" className="pointer-events-none absolute inset-[12%] rounded-lg border-2 border-white/80 shadow-[0_0_0_999px_rgba(15,23,42,0.35)]" />
          {phase.kind === "starting" && (
            <p className="absolute inset-x-0 bottom-3 flex items-center justify-center gap-2 text-sm text-white">
              <Spinner /> {t.cameraStarting}
            </p>
          )}
        </div>
        {phase.kind === "scanning" && <p className="text-xs text-slate-600">{phase.decoder === "native" ? t.decoderNative : t.decoderJs}</p>}
      </div>
    </Dialog>
  );
}
