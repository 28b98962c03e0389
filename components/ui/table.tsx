import type { ReactNode } from "react";

/** Header cells: small grey caps-like labels. Add "text-right" for number columns. */
export function thClass(extra = ""): string {
  return `px-4 py-3 text-left text-xs font-semibold tracking-wide text-slate-600 ${extra}`.trim();
}

/** Body cells: top-aligned so multi-line cells line up. Add "text-right tabular-nums" for money. */
export function tdClass(extra = ""): string {
  return `px-4 py-3 align-top text-sm text-slate-800 ${extra}`.trim();
}

/**
 * A table in a card that scrolls sideways on narrow screens instead of squashing columns. The
 * scroll box is focusable and named by the caption so keyboard users can scroll it too.
 */
export function Table({
  caption,
  captionHidden = false,
  head,
  children,
  className = "",
  minWidth = "min-w-[40rem]",
}: {
  /** Names the table for screen readers (and the scroll region). Required: every table says what it lists. */
  caption: string;
  /** Keep the caption for screen readers only when a visible heading already says it. */
  captionHidden?: boolean;
  /** The header row's cells (<th scope="col">…). */
  head: ReactNode;
  /** The <tr> rows. */
  children: ReactNode;
  className?: string;
  /** Below this width the box scrolls. */
  minWidth?: string;
}) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className={`overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-accent-600 ${className}`.trim()}>
      <table className={`w-full text-left text-sm ${minWidth}`}>
        <caption className={captionHidden ? "sr-only" : "px-4 pt-3 pb-2 text-left text-sm font-semibold text-slate-900"}>{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
