"use client";

import { useLocale } from "@/components/i18n/locale-context";
import { Card } from "@/components/ui/card";

const LOADING = { "zh-CN": "正在加载…", en: "Loading…" } as const;

function Bar({ className }: { className: string }) {
  return <div className={`animate-pulse rounded bg-slate-200 ${className}`} />;
}

/**
 * A page-shaped placeholder while the server reads: title, then cards. A client component so
 * that loading.tsx stays synchronous: Next can then show it the moment a link is tapped.
 */
export function H5Skeleton({ cards = 3 }: { cards?: number }) {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{LOADING[useLocale()]}</span>
      <div aria-hidden="true" className="space-y-3">
        <Bar className="h-8 w-44" />
        <Bar className="h-4 w-64 max-w-full" />
        {Array.from({ length: cards }, (_, i) => (
          <Card key={i} radius="2xl" className="space-y-2.5">
            <Bar className="h-5 w-2/3" />
            <Bar className="h-4 w-1/2" />
            <Bar className="h-4 w-5/6" />
          </Card>
        ))}
      </div>
    </div>
  );
}
