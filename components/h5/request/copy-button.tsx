"use client";

import { useState } from "react";

/** Copies the return address for pasting into a courier's app; says so for a moment. */
export function CopyButton({ text, label, done }: { text: string; label: string; done: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard (old in-app browser, no permission): the address stays selectable on the page.
    }
  };
  return (
    <button
      type="button"
      onClick={() => void copy()}
      className="inline-flex min-h-11 items-center rounded-lg bg-white px-3 text-sm font-medium text-accent-800 ring-1 ring-slate-300 hover:bg-slate-50"
    >
      <span aria-live="polite">{copied ? done : label}</span>
    </button>
  );
}
