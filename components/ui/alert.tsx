import type { ReactNode } from "react";

const TONES = {
  error: "border-red-200 bg-red-50 text-red-800",
  info: "border-sky-200 bg-sky-50 text-sky-900",
  success: "border-green-200 bg-green-50 text-green-900",
} as const;

/**
 * A message box. `live` makes it an alert that screen readers announce when it appears
 * (errors after an action); static notes leave it off.
 */
export function Alert({ tone = "error", live = tone === "error", children, className = "" }: { tone?: keyof typeof TONES; live?: boolean; children: ReactNode; className?: string }) {
  return (
    <div role={live ? "alert" : undefined} className={`rounded-lg border px-3 py-2.5 text-sm ${TONES[tone]} ${className}`.trim()}>
      {children}
    </div>
  );
}
