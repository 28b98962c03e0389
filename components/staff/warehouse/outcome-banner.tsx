import { format } from "@/components/format";
import type { WarehouseMessages } from "@/components/i18n/warehouse-messages";
import type { RecordedOutcome } from "./types";

const TONES = {
  refund: "border-green-300 bg-green-50 text-green-950",
  replacement: "border-violet-300 bg-violet-50 text-violet-950",
  operations: "border-amber-300 bg-amber-50 text-amber-950",
  waiting: "border-sky-300 bg-sky-50 text-sky-950",
} as const;

const ICONS = { refund: "✓", replacement: "✓", operations: "!", waiting: "…" } as const;

/**
 * Where the parcel sent the request, big enough to read from a step away: to the refund, to the
 * replacement, to operations (with the differences per line), or waiting for more parcels.
 */
export function OutcomeBanner({ outcome, t }: { outcome: RecordedOutcome; t: WarehouseMessages }) {
  const { result, rmaNo, titles } = outcome;
  const differences = result.differences.filter((d) => d.received !== d.expected || !d.acceptable);
  return (
    <div role="status" data-outcome={result.outcome} className={`rounded-xl border-2 px-4 py-4 sm:px-5 ${TONES[result.outcome]}`}>
      <div className="flex items-start gap-3">
        <span aria-hidden="true" className="mt-0.5 inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-white/70 text-lg font-bold">
          {ICONS[result.outcome]}
        </span>
        <div className="min-w-0 space-y-1">
          <p className="text-lg font-semibold">{format(t.outcomeTitle, { rma: rmaNo })}</p>
          <p className="text-base">{t.outcomes[result.outcome]}</p>
          {differences.length > 0 && (
            <div className="pt-1">
              <p className="text-sm font-semibold">{t.differencesTitle}</p>
              <ul className="list-disc pl-5 text-sm">
                {differences.map((d) => (
                  <li key={d.returnLineId}>
                    {format(t.differenceLine, {
                      title: titles[d.returnLineId] ?? "—",
                      expected: d.expected,
                      received: d.received,
                      conditions: d.conditions.map((c) => t.conditions[c]).join("、") || "—",
                    })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p className="text-sm opacity-80">{t.nextParcel}</p>
        </div>
      </div>
    </div>
  );
}
