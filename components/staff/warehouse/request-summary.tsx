import { attributesText, dateTime, format } from "@/components/format";
import type { WarehouseMessages } from "@/components/i18n/warehouse-messages";
import { StatusBadge } from "@/components/request-views/status-badge";
import { Badge } from "@/components/ui/badge";
import { TYPE_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";
import { PhotoStrip } from "./photo-strip";
import type { ScanRequest } from "./types";

/**
 * What the clerk compares the parcel with: the request (status, customer, shipment), the expected
 * lines and the customer's photos side by side, and what earlier parcels brought.
 */
export function RequestSummary({ request, t, locale }: { request: ScanRequest; t: WarehouseMessages; locale: Locale }) {
  const titles = Object.fromEntries(request.lines.map((l) => [l.returnLineId, l.title]));
  // A request the warehouse may not read (e.g. cancelled before approval) comes with its number and status only.
  const readable = request.awaitingGoods || request.lines.length > 0;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <h2 id="inspection-heading" className="font-mono text-lg font-semibold text-slate-900 sm:text-xl">
          {request.rmaNo}
        </h2>
        <StatusBadge status={request.status} locale={locale} />
        <Badge tone="neutral">{term(TYPE_NAMES, request.type, locale)}</Badge>
        {readable && (
        <a href={`/dashboard/requests/${request.id}`} className="ml-auto text-sm font-medium text-accent-700 underline-offset-2 hover:underline">
          {t.openRequest}
        </a>
        )}
      </div>
      {readable && (
      <>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div className="flex gap-2">
          <dt className="text-slate-600">{t.customer}</dt>
          <dd className="text-slate-900">{[request.customerName, request.customerPhoneMasked].filter(Boolean).join(" · ") || "—"}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-slate-600">{t.returnShipment}</dt>
          <dd className="font-mono text-slate-900">
            {request.returnTrackingNo ? `${request.returnCarrier ? `${t.carriers[request.returnCarrier as keyof typeof t.carriers] ?? request.returnCarrier} ` : ""}${request.returnTrackingNo}` : <span className="font-sans text-slate-600">{t.noShipment}</span>}
          </dd>
        </div>
      </dl>

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="expected-heading" className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
          <h3 id="expected-heading" className="text-sm font-semibold text-slate-900">
            {t.expected}
          </h3>
          <ul className="mt-2 divide-y divide-slate-200">
            {request.lines.map((l) => (
              <li key={l.returnLineId} className="py-2">
                <div className="flex items-baseline justify-between gap-3">
                  <span className="font-medium text-slate-900">{l.title}</span>
                  <span className="shrink-0 text-sm font-semibold tabular-nums text-slate-900">{format(t.expectedQty, { n: l.expectedQuantity })}</span>
                </div>
                <div className="mt-0.5 flex flex-wrap justify-between gap-x-3 text-xs text-slate-600">
                  <span>
                    {attributesText(l.attributes)} · <span className="font-mono">{l.skuCode}</span>
                  </span>
                  {l.receivedSoFar > 0 && <span className="font-medium text-amber-800">{format(t.receivedSoFar, { n: l.receivedSoFar })}</span>}
                </div>
                {l.exchangeSku && <p className="mt-0.5 text-xs text-violet-800">{format(t.exchangeFor, { variant: `${attributesText(l.exchangeSku.attributes)} (${l.exchangeSku.skuCode})` })}</p>}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="customer-photos-heading" className="rounded-lg p-3 ring-1 ring-slate-200">
          <h3 id="customer-photos-heading" className="mb-2 text-sm font-semibold text-slate-900">
            {t.customerPhotos}
          </h3>
          {request.customerPhotos.length > 0 ? <PhotoStrip photos={request.customerPhotos} label={t.customerPhotos} /> : <p className="text-sm text-slate-600">{t.noCustomerPhotos}</p>}
        </section>
      </div>

      </>
      )}

      {request.linkedUnmatched.length > 0 && (
        <section aria-labelledby="linked-unmatched-heading">
          <h3 id="linked-unmatched-heading" className="text-sm font-semibold text-slate-900">
            {t.linkedUnmatched}
          </h3>
          <ul className="mt-2 space-y-2">
            {request.linkedUnmatched.map((p) => (
              <li key={p.id} className="rounded-lg p-3 text-sm ring-1 ring-slate-200">
                <span className="font-mono text-slate-900">{p.trackingNo}</span>
                <span className="text-xs text-slate-600"> · {format(t.parcelBy, { at: dateTime(p.recordedAt, locale), name: p.recordedByName ?? "—" })}</span>
                {p.note && <p className="mt-1 text-slate-700">{p.note}</p>}
                {p.photos.length > 0 && (
                  <div className="mt-2">
                    <PhotoStrip photos={p.photos} label={p.trackingNo} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {request.parcels.length > 0 && (
        <section aria-labelledby="parcels-heading">
          <h3 id="parcels-heading" className="text-sm font-semibold text-slate-900">
            {t.earlierParcels}
          </h3>
          <ol className="mt-2 space-y-2">
            {request.parcels.map((p) => (
              <li key={p.id} className="rounded-lg p-3 text-sm ring-1 ring-slate-200">
                <div className="flex flex-wrap justify-between gap-2">
                  <span className="font-medium text-slate-900">{format(t.parcelN, { n: p.seq })}</span>
                  <span className="text-xs text-slate-600">{format(t.parcelBy, { at: dateTime(p.receivedAt, locale), name: p.byName ?? "—" })}</span>
                </div>
                <ul className="mt-1 text-slate-700">
                  {p.lines.map((l) => (
                    <li key={l.returnLineId}>
                      {format(t.parcelLine, { title: titles[l.returnLineId] ?? "—", n: l.quantity, condition: t.conditions[l.condition], disposition: t.dispositions[l.disposition] })}
                      {l.note ? ` · ${l.note}` : ""}
                    </li>
                  ))}
                </ul>
                {p.note && <p className="mt-1 text-slate-600">{p.note}</p>}
                {p.photos.length > 0 && (
                  <div className="mt-2">
                    <PhotoStrip photos={p.photos} label={format(t.parcelN, { n: p.seq })} />
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
