import { attributesText, dateOnly, format } from "@/components/format";
import type { LabelMessages } from "@/components/i18n/label-messages";
import type { Locale } from "@/server/i18n/locale";
import { code128Svg, qrSvg } from "./codes";
import { PrintStyles } from "./print-styles";
import type { LabelLayout, ReturnLabelData } from "./types";

/** How many lines fit on the A6 label under the address; the rest are counted (the A4 sheet lists all). */
const A6_LINES = 4;

function Svg({ svg, label, className }: { svg: string; label: string; className: string }) {
  return <div role="img" aria-label={label} className={`${className} [&>svg]:block [&>svg]:h-full [&>svg]:w-full`} dangerouslySetInnerHTML={{ __html: svg }} />;
}

/**
 * The return slip, one component for the customer's and the staff's page (decision 027): the RMA
 * as Code 128 and as QR, the warehouse's address, the sender (phone masked by the server) and
 * the expected lines. A6 is the label for the parcel; A4 is the sheet with every line to check.
 */
export async function ReturnSlip({ label, layout, t, locale }: { label: ReturnLabelData; layout: LabelLayout; t: LabelMessages; locale: Locale }) {
  const [barcode, qr] = [code128Svg(label.rmaNo), await qrSvg(label.rmaNo)];
  const a6 = layout === "a6";
  const shown = a6 ? label.lines.slice(0, A6_LINES) : label.lines;
  const hidden = label.lines.length - shown.length;
  const w = label.warehouse;
  const rule = "slip-rule border-slate-900";

  return (
    <article
      className={`return-slip mx-auto bg-white text-slate-950 ring-1 ring-slate-300 ${a6 ? "w-full max-w-[105mm] rounded-md p-4 text-[13px] leading-snug" : "w-full max-w-[210mm] rounded-md p-6 text-sm sm:p-8"}`}
      data-layout={layout}
      data-testid="return-slip"
      aria-label={`${t.slipTitle} ${label.rmaNo}`}
    >
      <PrintStyles layout={layout} />
      <header className={`flex items-start justify-between gap-3 border-b-2 pb-2 ${rule}`}>
        <div className="min-w-0">
          <p className={`font-bold ${a6 ? "text-base" : "text-xl"}`}>{t.slipTitle}</p>
          <p className="text-xs">{t.rmaLabel}</p>
          <p className={`font-mono font-bold tracking-tight break-all ${a6 ? "text-lg" : "text-2xl"}`} data-testid="slip-rma">
            {label.rmaNo}
          </p>
          <p className="text-xs">{format(t.filed, { date: dateOnly(label.createdAt, locale) })}</p>
        </div>
        <Svg svg={qr} label={format(t.qrLabel, { rmaNo: label.rmaNo })} className={`shrink-0 ${a6 ? "size-[26mm]" : "size-[38mm]"}`} />
      </header>

      <Svg svg={barcode} label={format(t.code128Label, { rmaNo: label.rmaNo })} className={`mx-auto my-2 ${a6 ? "h-[19mm] w-full" : "h-[26mm] w-[150mm] max-w-full"}`} />

      <div className={a6 ? "space-y-2" : "grid gap-6 sm:grid-cols-2"}>
        <section aria-label={t.to} className={`border-2 p-2 ${rule}`} data-testid="slip-address">
          <p className="text-xs font-semibold">{t.to}</p>
          {w ? (
            <address className="not-italic">
              <span className={`block font-bold ${a6 ? "text-[15px]" : "text-lg"}`} lang="zh-CN">
                {w.name}
              </span>
              <span className="block" lang="zh-CN">
                {w.address}
              </span>
              {w.postalCode && <span className="block">{format(t.postalCode, { code: w.postalCode })}</span>}
              <span className="block">
                {format(t.addressee, { name: w.contactName })} · {format(t.phone, { phone: w.contactPhone })}
              </span>
            </address>
          ) : (
            <p>{t.noWarehouse}</p>
          )}
        </section>
        <section aria-label={t.from} className={a6 ? "" : `border p-2 ${rule}`} data-testid="slip-sender">
          <p className="text-xs font-semibold">{t.from}</p>
          <p>
            {label.customer.name} · <span className="tabular-nums">{label.customer.phone}</span>
          </p>
        </section>
      </div>

      <section aria-label={t.items} className={a6 ? "mt-2" : "mt-6"}>
        <p className={`border-b text-xs font-semibold ${rule}`}>{t.items}</p>
        <table className="w-full border-collapse" data-testid="slip-lines">
          <thead className={a6 ? "sr-only" : undefined}>
            <tr className="text-left text-xs">
              <th scope="col" className="py-1 pr-2 font-semibold">
                {t.item}
              </th>
              <th scope="col" className="w-14 py-1 text-right font-semibold">
                {t.quantity}
              </th>
              {!a6 && (
                <th scope="col" className="w-14 py-1 text-center font-semibold">
                  {t.check}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((l) => (
              <tr key={l.id} className="border-b border-slate-300 align-top">
                <td className={`py-1 pr-2 ${a6 ? "text-xs" : ""}`}>
                  <span className={a6 ? "line-clamp-1" : undefined}>{l.title}</span>
                  {attributesText(l.attributes) && <span className="block text-xs text-slate-700">{attributesText(l.attributes)}</span>}
                </td>
                <td className="py-1 text-right font-semibold tabular-nums">× {l.quantity}</td>
                {!a6 && (
                  <td className="py-1 text-center">
                    <span aria-hidden="true" className="inline-block size-4 border border-slate-900 align-middle" />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {hidden > 0 && <p className="mt-1 text-xs">{format(t.moreLines, { n: hidden })}</p>}
      </section>

      {!a6 && (
        <section aria-label={t.instructionsTitle} className={`mt-6 border-t pt-3 ${rule}`}>
          <p className="text-sm font-semibold">{t.instructionsTitle}</p>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-sm">
            {t.instructions.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
