import { attributesText, format, variantLabel, yuan } from "@/components/format";
import { requestMessages } from "@/components/i18n/request-messages";
import { Badge } from "@/components/ui/badge";
import type { Locale } from "@/server/i18n/locale";
import { Section } from "./section";
import type { RequestView } from "./types";

/** What the customer asks about, line by line, with the warehouse's findings once inspected. */
export function LinesSection({ lines, locale }: { lines: NonNullable<RequestView["lines"]>; locale: Locale }) {
  const m = requestMessages(locale);
  return (
    <Section id="lines" title={m.sections.lines}>
      <ul className="divide-y divide-slate-100">
        {lines.map((l) => {
          const mismatch = l.receivedQuantity !== null && (l.receivedQuantity !== l.quantity || (l.condition !== null && l.condition !== "as_new"));
          return (
            <li key={l.id} className="py-3 first:pt-0 last:pb-0">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <p className="font-medium text-slate-900">
                  {l.title}
                  <span className="ml-2 text-xs font-normal text-slate-600">{attributesText(l.attributes)}</span>
                </p>
                {l.refundFen !== null && <span className="text-sm font-medium tabular-nums">{format(m.lines.refund, { amount: yuan(l.refundFen) })}</span>}
              </div>
              <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700">
                <span>{format(m.lines.asked, { n: l.quantity })}</span>
                <span className="text-slate-500">{format(m.lines.bought, { n: l.boughtQuantity })}</span>
                <Badge tone="warning">{`${m.lines.reason}${m.sep}${l.reasonName?.[locale] ?? l.reasonCode}`}</Badge>
                {l.exchangeAttributes && <Badge tone="violet">{`${m.lines.wants}${m.sep}${variantLabel(l.exchangeAttributes, l.attributes)}`}</Badge>}
              </p>
              {l.note && (
                <p className="mt-1.5 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-800">
                  <span className="sr-only">{m.lines.note}{m.sep}</span>
                  {l.note}
                </p>
              )}
              {l.receivedQuantity !== null && (
                <p className={`mt-1.5 text-sm ${mismatch ? "font-medium text-red-700" : "text-green-800"}`}>
                  {format(m.lines.received, { n: l.receivedQuantity })}
                  {l.condition && ` · ${m.lines.condition}${m.sep}${m.conditions[l.condition]}`}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
