import type { ReactNode } from "react";

/** Colour families; the text always carries the meaning, the tone only helps scanning. */
export const BADGE_TONES = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-200",
  info: "bg-sky-50 text-sky-800 ring-sky-200",
  warning: "bg-amber-50 text-amber-800 ring-amber-200",
  danger: "bg-rose-50 text-rose-800 ring-rose-200",
  success: "bg-green-50 text-green-800 ring-green-200",
  money: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  transit: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  violet: "bg-violet-50 text-violet-800 ring-violet-200",
  accent: "bg-accent-50 text-accent-800 ring-accent-100",
} as const;

export type BadgeTone = keyof typeof BADGE_TONES;

/** A small rounded label: statuses, counts, tags. */
export function Badge({ tone = "neutral", children, className = "" }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${BADGE_TONES[tone]} ${className}`.trim()}>
      {children}
    </span>
  );
}
