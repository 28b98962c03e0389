import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

const ICONS = {
  missing: <path d="M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm10 2-4.35-4.35M8.5 8.5l5 5m0-5-5 5" strokeLinecap="round" strokeLinejoin="round" />,
  error: <path d="M12 8v5m0 3.5v.5M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" strokeLinecap="round" strokeLinejoin="round" />,
} as const;

/** The one look of H5 empty, not-found and error states: icon, title, one sentence, the way on. */
export function StatePanel({ icon, title, body, children, alert = false }: { icon: keyof typeof ICONS; title: string; body: string; children?: ReactNode; alert?: boolean }) {
  return (
    <Card role={alert ? "alert" : undefined} radius="2xl" padding="none" className="flex flex-col items-center px-6 py-12 text-center">
      <div className={`flex size-12 items-center justify-center rounded-full ${icon === "error" ? "bg-red-50 text-red-700" : "bg-slate-100 text-slate-600"}`}>
        <svg className="size-6" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          {ICONS[icon]}
        </svg>
      </div>
      <h1 className="mt-4 text-lg font-semibold text-slate-900">{title}</h1>
      <p className="mt-1 max-w-sm text-sm text-slate-600">{body}</p>
      {children && <div className="mt-6 flex w-full max-w-xs flex-col gap-2">{children}</div>}
    </Card>
  );
}
