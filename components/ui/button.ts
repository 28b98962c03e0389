/** Class names for buttons and button-like links: 44 px tall (touch target), one accent colour. */
const base =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-70";

const variants = {
  primary: "bg-accent-700 text-white shadow-sm hover:bg-accent-800",
  secondary: "bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50",
  ghost: "text-slate-700 hover:bg-slate-100",
  // Irreversible actions (reject, refund): the colour warns before the confirm dialog does.
  danger: "bg-red-700 text-white shadow-sm hover:bg-red-800",
} as const;

export function buttonClass(variant: keyof typeof variants = "primary", extra = ""): string {
  return `${base} ${variants[variant]} ${extra}`.trim();
}
