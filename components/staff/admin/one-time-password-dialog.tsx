"use client";

import { useRef, useState } from "react";
import { adminMessages } from "@/components/i18n/admin-messages";
import { useLocale } from "@/components/i18n/locale-context";
import { format } from "@/components/format";
import { buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/**
 * Shows a one-time password exactly once (the server keeps only its hash). Not dismissible by a
 * backdrop click, so it is not lost by accident; "I have noted it" closes it.
 */
export function OneTimePasswordDialog({ shown, onClose }: { shown: { name: string; password: string } | null; onClose: () => void }) {
  const m = adminMessages(useLocale()).staff;
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const doneRef = useRef<HTMLButtonElement>(null);

  const close = () => {
    setCopy("idle");
    onClose();
  };

  const copyPassword = async () => {
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(shown.password);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  };

  return (
    <Dialog
      open={shown !== null}
      onClose={close}
      title={m.otpTitle}
      description={shown ? format(m.otpBody, { name: shown.name }) : undefined}
      initialFocus={doneRef}
      footer={
        <button ref={doneRef} type="button" onClick={close} className={buttonClass("primary")}>
          {m.done}
        </button>
      }
    >
      {shown && (
        <div className="space-y-2">
          <p id="otp-label" className="text-sm font-medium text-slate-800">
            {m.otpLabel}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <output aria-labelledby="otp-label" data-testid="one-time-password" className="rounded-lg bg-slate-100 px-3 py-2 font-mono text-lg tracking-wider text-slate-900 select-all">
              {shown.password}
            </output>
            <button type="button" onClick={copyPassword} className={buttonClass("secondary")}>
              {m.copy}
            </button>
          </div>
          <p role="status" className="min-h-5 text-sm text-slate-600">
            {copy === "copied" ? m.copied : copy === "failed" ? m.copyFailed : ""}
          </p>
        </div>
      )}
    </Dialog>
  );
}
