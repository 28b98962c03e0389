import Link from "next/link";
import type { LabelMessages } from "@/components/i18n/label-messages";
import { PrintButton } from "./print-button";
import { LABEL_LAYOUTS, type LabelLayout } from "./types";

/**
 * Above the slip on screen, gone in print: the way back, the layout toggle (a query parameter,
 * so a link or a reload keeps it) and the print button.
 */
export function LabelToolbar({ layout, basePath, backHref, backLabel, t }: { layout: LabelLayout; basePath: string; backHref: string; backLabel: string; t: LabelMessages }) {
  return (
    <div className="mx-auto mb-4 max-w-[210mm] space-y-3" data-print="hide">
      <Link href={backHref} className="inline-flex min-h-11 items-center gap-1 text-sm font-medium text-accent-800 hover:underline">
        <span aria-hidden="true">←</span> {backLabel}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t.layout} className="inline-flex rounded-lg bg-slate-100 p-1">
          {LABEL_LAYOUTS.map((l) => (
            <Link
              key={l}
              href={`${basePath}?layout=${l}`}
              aria-current={l === layout ? "page" : undefined}
              className={`inline-flex min-h-10 items-center rounded-md px-3 text-sm font-medium ${l === layout ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`}
            >
              {t[l]}
            </Link>
          ))}
        </nav>
        <PrintButton label={t.print} />
      </div>
      <p className="text-xs text-slate-600">{t.printHint}</p>
    </div>
  );
}
