"use client";

/**
 * Reads RMA codes (Code 128 and QR on the return slip; carriers' labels are Code 128 too) from a
 * playing <video>. The browser's own BarcodeDetector where it exists and supports those formats
 * (Android Chrome, Safari); the @zxing/browser decoder otherwise (Chromium on Linux and Windows,
 * Firefox), loaded only when needed. Feature-detected, never guessed from the user agent (ADR 029).
 */

export type DecoderKind = "native" | "js";

export interface RunningDecoder {
  kind: DecoderKind;
  stop: () => void;
}

/** What we need of the Shape Detection API; lib.dom does not type it yet. */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

const WANTED_NATIVE = ["code_128", "qr_code"];
/** A frame every 150 ms: quick enough for a hand-held label, light on a phone's battery. */
const NATIVE_INTERVAL_MS = 150;

async function nativeDetector(): Promise<BarcodeDetectorLike | null> {
  if (!("BarcodeDetector" in window)) return null;
  const Detector = (window as unknown as { BarcodeDetector: BarcodeDetectorClass }).BarcodeDetector;
  try {
    const supported = await Detector.getSupportedFormats();
    const formats = WANTED_NATIVE.filter((f) => supported.includes(f));
    return formats.length > 0 ? new Detector({ formats }) : null;
  } catch {
    return null;
  }
}

/** Starts decoding `video` and calls `onCode` once per distinct code read; `stop()` ends it. */
export async function startDecoder(video: HTMLVideoElement, onCode: (code: string) => void): Promise<RunningDecoder> {
  const detector = await nativeDetector();
  if (detector) {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (stopped) return;
      try {
        if (video.readyState >= 2) {
          const found = (await detector.detect(video)).find((b) => b.rawValue.trim() !== "");
          if (found && !stopped) onCode(found.rawValue.trim());
        }
      } catch {
        // A frame the detector could not read (e.g. the video was resizing): try the next one.
      }
      if (!stopped) timer = setTimeout(tick, NATIVE_INTERVAL_MS);
    };
    void tick();
    return {
      kind: "native",
      stop: () => {
        stopped = true;
        clearTimeout(timer);
      },
    };
  }

  const [{ BrowserMultiFormatReader }, { BarcodeFormat, DecodeHintType }] = await Promise.all([import("@zxing/browser"), import("@zxing/library")]);
  const hints = new Map<unknown, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const reader = new BrowserMultiFormatReader(hints as never, { delayBetweenScanAttempts: 150, delayBetweenScanSuccess: 1000 });
  const controls = await reader.decodeFromVideoElement(video, (result) => {
    const text = result?.getText().trim();
    if (text) onCode(text);
  });
  return { kind: "js", stop: () => controls.stop() };
}
