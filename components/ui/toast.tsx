"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useLocale } from "@/components/i18n/locale-context";
import { uiMessages } from "./ui-messages";

type ToastTone = "success" | "error" | "info";

interface ToastItem {
  id: number;
  message: string;
  tone: ToastTone;
}

export interface ToastApi {
  /** Shows a short message in the corner and announces it (role=status). Gone after `durationMs` (default 5 s; errors 8 s). */
  show: (message: string, options?: { tone?: ToastTone; durationMs?: number }) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

const TONES: Record<ToastTone, string> = {
  success: "border-green-200 bg-green-50 text-green-900",
  error: "border-red-200 bg-red-50 text-red-800",
  info: "border-slate-200 bg-white text-slate-900",
};

/** `useToast().show("已通过")` after a mutation succeeds. Needs a ToastProvider above. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast needs a <ToastProvider> above it");
  return api;
}

function Toast({ item, onDismiss, dismissLabel, durationMs }: { item: ToastItem; onDismiss: (id: number) => void; dismissLabel: string; durationMs: number }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(item.id), durationMs);
    return () => clearTimeout(timer);
  }, [item.id, durationMs, onDismiss]);
  return (
    <li className={`pointer-events-auto flex items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg ${TONES[item.tone]}`}>
      <p className="flex-1 pt-0.5">{item.message}</p>
      <button type="button" onClick={() => onDismiss(item.id)} aria-label={dismissLabel} className="-m-1.5 inline-flex size-8 shrink-0 items-center justify-center rounded-md opacity-70 hover:bg-black/5 hover:opacity-100">
        <svg className="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
          <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
        </svg>
      </button>
    </li>
  );
}

/**
 * Holds the toasts and the live region that announces them. The region is rendered from the
 * start (empty): screen readers only announce changes to a live region that already exists.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = uiMessages(useLocale());
  const [items, setItems] = useState<(ToastItem & { durationMs: number })[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setItems((list) => list.filter((i) => i.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      show(message, { tone = "success", durationMs } = {}) {
        const id = nextId.current++;
        // Keep the last three: a burst of saves should not cover the page.
        setItems((list) => [...list.slice(-2), { id, message, tone, durationMs: durationMs ?? (tone === "error" ? 8000 : 5000) }]);
      },
    }),
    [],
  );

  return (
    <ToastContext value={api}>
      {children}
      <div role="status" aria-live="polite" aria-label={t.notifications} className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex justify-center p-4 sm:justify-end">
        <ol className="flex w-full max-w-sm flex-col gap-2">
          {items.map((item) => (
            <Toast key={item.id} item={item} durationMs={item.durationMs} onDismiss={dismiss} dismissLabel={t.dismiss} />
          ))}
        </ol>
      </div>
    </ToastContext>
  );
}
