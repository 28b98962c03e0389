import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";

/** A titled card region: the heading names the landmark for screen readers. */
export function Section({ id, title, aside, children, className = "" }: { id: string; title: ReactNode; aside?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <Card as="section" aria-labelledby={`${id}-heading`} className={className}>
      <CardHeader id={`${id}-heading`} title={title} actions={aside} className="mb-3" />
      {children}
    </Card>
  );
}

/** A label/value pair in a definition list. */
export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium break-words text-slate-900">{children}</dd>
    </div>
  );
}
