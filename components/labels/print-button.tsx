"use client";

import { buttonClass } from "@/components/ui/button";

/** Opens the browser's print dialog (which also saves a PDF). The only script the label pages ship. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className={buttonClass("primary")} onClick={() => window.print()} data-testid="print-slip">
      {label}
    </button>
  );
}
