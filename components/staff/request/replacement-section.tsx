import { format, variantLabel } from "@/components/format";
import { carrierName, replacementMessages } from "@/components/i18n/replacement-messages";
import { Alert } from "@/components/ui/alert";
import type { Locale } from "@/server/i18n/locale";
import type { RequestView } from "./types";

/**
 * An exchange's replacement on the staff screen (decision 030): which lines are out of stock and
 * who decides then, the units reserved for it, and once shipped the carrier and tracking number.
 */
export function ReplacementNotice({ view, locale }: { view: RequestView; locale: Locale }) {
  const m = replacementMessages(locale).staff;
  const stock = view.replacementStock;
  const shipped = view.request.replacementCarrier && view.request.replacementTrackingNo;
  if (!stock && !shipped) return null;
  const lines = new Map((view.lines ?? []).map((l) => [l.id, l]));
  const short = stock?.lines.filter((l) => l.short) ?? [];
  const reserved = stock?.lines.filter((l) => l.reservedForIt).reduce((n, l) => n + l.quantity, 0) ?? 0;
  const mayConvert = view.allowedActions.includes("convert_to_refund");
  return (
    <div className="space-y-2" data-testid="replacement-notice">
      {short.length > 0 && (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-950">
          <p className="font-semibold">{m.shortTitle}</p>
          <ul className="mt-1 space-y-0.5">
            {short.map((s) => {
              const line = lines.get(s.returnLineId);
              return (
                <li key={s.returnLineId}>
                  {format(m.shortLine, {
                    title: line?.title ?? "",
                    variant: line?.exchangeAttributes ? variantLabel(line.exchangeAttributes, line.attributes) : "",
                    available: s.available,
                    quantity: s.quantity,
                  })}
                </li>
              );
            })}
          </ul>
          <p className="mt-1">{stock?.decider === "staff_decide" || mayConvert ? m.shortStaff : m.shortCustomer}</p>
        </div>
      )}
      {reserved > 0 && (
        <Alert tone="success" live={false}>
          {format(m.reserved, { quantity: reserved })}
        </Alert>
      )}
      {shipped && (
        <Alert tone="info" live={false}>
          <span className="font-semibold">{m.shippedTitle}</span>
          {locale === "en" ? ": " : "："}
          {carrierName(view.request.replacementCarrier!, locale)} <span className="font-mono">{view.request.replacementTrackingNo}</span>
        </Alert>
      )}
    </div>
  );
}
