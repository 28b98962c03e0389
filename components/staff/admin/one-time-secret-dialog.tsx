"use client";

import { useRef, useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export interface OneTimeSecretWords {
  title: string;
  body: ReactNode;
  label: string;
  copy: string;
  copied: string;
  copyFailed: string;
  done: string;
}

/**
 * Shows a secret exactly once (the server keeps only a hash or an encrypted copy it never shows
 * again): a one-time password, a webhook signing secret. Focus starts on "I have noted it", so a
 * stray Enter does not lose it to a backdrop click; a copy button, and what the copy did.
 */
export function OneTimeSecretDialog({
  secret,
  words,
  warning,
  testId,
  onClose,
}: {
  /** null: closed. */
  secret: string | null;
  words: OneTimeSecretWords;
  /** A note under the secret (e.g. what breaks when it is lost). */
  warning?: ReactNode;
  testId: string;
  onClose: () => void;
}) {
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const doneRef = useRef<HTMLButtonElement>(null);

  const close = () => {
    setCopy("idle");
    onClose();
  };

  const copySecret = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  };

  return (
    <Dialog
      open={secret !== null}
      onClose={close}
      title={words.title}
      description={secret ? words.body : undefined}
      initialFocus={doneRef}
      footer={
        <button ref={doneRef} type="button" onClick={close} className={buttonClass("primary")}>
          {words.done}
        </button>
      }
    >
      {secret && (
        <div className="space-y-2">
          <p id={`${testId}-label`} className="text-sm font-medium text-slate-800">
            {words.label}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <output
              aria-labelledby={`${testId}-label`}
              data-testid={testId}
              className="max-w-full rounded-lg bg-slate-100 px-3 py-2 font-mono text-lg tracking-wider break-all text-slate-900 select-all"
            >
              {secret}
            </output>
            <button type="button" onClick={copySecret} className={buttonClass("secondary")}>
              {words.copy}
            </button>
          </div>
          <p role="status" className="min-h-5 text-sm text-slate-600">
            {copy === "copied" ? words.copied : copy === "failed" ? words.copyFailed : ""}
          </p>
          {warning}
        </div>
      )}
    </Dialog>
  );
}
