import Link from "next/link";
import { StatusBadge } from "@/components/request-views/status-badge";
import type { H5Messages } from "@/components/i18n/h5-messages";
import { ACTION_NAMES, ROLE_NAMES, STATUS_NAMES, TYPE_NAMES, term } from "@/server/i18n/domain-terms";
import type { Action } from "@/server/domain/vocabulary";
import type { Locale } from "@/server/i18n/locale";
import { attributesText, dateTime, format, relative, yuan } from "@/components/format";
import { buttonClass } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { thumbUrl } from "../photos/urls";
import { CopyButton } from "./copy-button";
import { QrCode } from "./qr-code";
import { stageViews } from "./stages";
import type { CustomerRequest } from "./types";

type M = H5Messages;

const card = cardClass({ radius: "2xl" });

/** RMA number, QR code, status and the current stage's deadline. */
function deadlineText(req: CustomerRequest, t: M["request"]): string {
  switch (req.status) {
    case "pending_cs_review":
    case "pending_ops_review":
      return t.deadlines.review;
    case "needs_info":
    case "rejected":
    case "awaiting_shipment":
    case "in_transit":
      return t.deadlines[req.status];
    default:
      return t.deadline;
  }
}

export async function RmaCard({ req, m, locale, now }: { req: CustomerRequest; m: M; locale: Locale; now: Date }) {
  const t = m.request;
  const overdue = req.deadlineAt && req.deadlineAt.getTime() < now.getTime();
  return (
    <section aria-labelledby="rma-heading" className={card}>
      <h2 id="rma-heading" className="text-sm text-slate-600">
        {t.rmaLabel}
      </h2>
      <p className="font-mono text-lg font-semibold tracking-tight break-all text-slate-900 select-all" data-testid="rma-no">
        {req.rmaNo}
      </p>
      <p className="mt-1">
        <span className="sr-only">{t.status}: </span>
        <StatusBadge status={req.status} locale={locale} />
      </p>
      <div className="mt-2 flex items-start gap-4">
        <div className="min-w-0 flex-1">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
            <dt className="text-slate-600">{t.order}</dt>
            <dd className="font-mono break-all text-slate-900">{req.orderNo}</dd>
            <dt className="text-slate-600">{t.type}</dt>
            <dd className="text-slate-900">{term(TYPE_NAMES, req.type, locale)}</dd>
          </dl>
        </div>
        <QrCode value={req.rmaNo} label={format(t.qrLabel, { rmaNo: req.rmaNo })} className="size-28 shrink-0 sm:size-36" />
      </div>
      {req.deadlineAt && (
        <p className={`mt-3 rounded-lg px-3 py-2 text-sm ${overdue ? "bg-red-50 text-red-800" : "bg-slate-50 text-slate-700"}`}>
          {format(deadlineText(req, t), { date: dateTime(req.deadlineAt, locale), relative: relative(req.deadlineAt, now, locale) })}
        </p>
      )}
    </section>
  );
}

/** The route as steps, with where the request stands. */
export function StageList({ req, m }: { req: CustomerRequest; m: M }) {
  const { stages, finished } = stageViews(req);
  const t = m.request;
  const dot = {
    done: "bg-accent-700 ring-accent-700",
    current: "bg-white ring-accent-700 ring-4",
    stopped: "bg-slate-400 ring-slate-400",
    todo: "bg-white ring-slate-300",
  } as const;
  return (
    <section aria-labelledby="stages-heading" className={card}>
      <h2 id="stages-heading" className="mb-3 text-base font-semibold text-slate-900">
        {t.stagesTitle}
      </h2>
      <ol className="space-y-2.5">
        {stages.map(({ stage, state }) => (
          <li key={stage} aria-current={state === "current" ? "step" : undefined} className="flex items-center gap-3">
            <span aria-hidden="true" className={`size-3.5 shrink-0 rounded-full ring-2 ${dot[state]}`} />
            <span className={state === "current" ? "font-semibold text-accent-800" : state === "todo" ? "text-slate-600" : "text-slate-900"}>{t.stages[stage]}</span>
          </li>
        ))}
        <li className="flex items-center gap-3">
          <span aria-hidden="true" className={`size-3.5 shrink-0 rounded-full ring-2 ${finished ? dot.done : dot.todo}`} />
          <span className={finished ? "font-semibold text-accent-800" : "text-slate-600"}>{t.done}</span>
        </li>
      </ol>
    </section>
  );
}

/** Who does what next, and where the parcel goes when one has to go. */
export function NextSteps({ req, m, locale }: { req: CustomerRequest; m: M; locale: Locale }) {
  const t = m.request;
  const parcel = req.stages.includes("customer_shipment");
  const reviewing = req.status === "pending_cs_review" || req.status === "pending_ops_review";
  const lines: string[] = [];
  switch (req.status) {
    case "pending_cs_review":
    case "pending_ops_review":
      lines.push(format(t.next.review, { who: term(ROLE_NAMES, req.status === "pending_cs_review" ? "customer_service" : "operations_manager", locale) }));
      if (req.status === "pending_cs_review" && req.stages.includes("ops_review")) lines.push(t.next.reviewOps);
      lines.push(parcel ? t.next.shipLater : t.next.noParcel);
      break;
    case "needs_info":
      lines.push(t.next.needsInfo);
      break;
    case "rejected":
      lines.push(req.allowedActions.includes("appeal") ? t.next.rejected : t.next.rejectedFinal);
      break;
    case "awaiting_shipment":
      lines.push(format(t.next.shipNow, { rmaNo: req.rmaNo }));
      break;
    case "in_transit":
      lines.push(t.next.inTransit);
      break;
    case "inspection_mismatch":
      lines.push(t.next.mismatch);
      break;
    case "pending_refund_approval":
    case "pending_refund":
    case "refunding":
      lines.push(t.next.refund);
      break;
    case "pending_replacement":
      lines.push(t.next.replacement);
      break;
    default:
      lines.push(t.next[req.status]);
  }
  const last = (action: string) => [...req.timeline].reverse().find((e) => e.action === action);
  const question = req.status === "needs_info" ? last("request_info")?.comment : null;
  const rejection = req.status === "rejected" ? last("reject") : undefined;
  const showAddress = parcel && (reviewing || req.status === "awaiting_shipment" || req.status === "needs_info");
  return (
    <section aria-labelledby="next-heading" className={card}>
      <h2 id="next-heading" className="text-base font-semibold text-slate-900">
        {t.nextTitle}
      </h2>
      {lines.map((line) => (
        <p key={line} className="mt-1.5 text-sm text-slate-800">
          {line}
        </p>
      ))}
      {question && (
        <figure className="mt-3 rounded-xl bg-sky-50 p-3 text-sm ring-1 ring-sky-200">
          <figcaption className="font-semibold text-sky-900">{t.question}</figcaption>
          <blockquote className="mt-1 break-words whitespace-pre-line text-slate-900">{question}</blockquote>
        </figure>
      )}
      {rejection && (
        <div className="mt-3 rounded-xl bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
          {rejection.reasonCode && (
            <p className="font-semibold text-slate-900">{format(t.rejectedBecause, { reason: rejection.reasonName?.[locale] ?? rejection.reasonCode })}</p>
          )}
          {rejection.comment && <p className="mt-1 break-words whitespace-pre-line text-slate-800">{rejection.comment}</p>}
        </div>
      )}
      {showAddress && req.warehouse && <ReturnAddress req={req} warehouse={req.warehouse} t={t} />}
      {req.labelAvailable && (
        <div className="mt-3">
          <Link
            href={`/requests/${encodeURIComponent(req.rmaNo)}/label`}
            className={buttonClass("secondary", "w-full sm:w-auto")}
            data-testid="print-label"
          >
            {t.printLabel}
          </Link>
          <p className="mt-1.5 text-xs text-slate-600">{t.printLabelHint}</p>
        </div>
      )}
      {req.returnCarrier && req.returnTrackingNo && (
        <p className="mt-3 text-sm text-slate-700">
          {format(t.shipment, { carrier: m.actions.carriers[req.returnCarrier as keyof M["actions"]["carriers"]] ?? req.returnCarrier, trackingNo: req.returnTrackingNo })}
        </p>
      )}
    </section>
  );
}

/** The warehouse chosen for this request at submission: where the parcel goes, ready to copy. */
function ReturnAddress({ req, warehouse, t }: { req: CustomerRequest; warehouse: NonNullable<CustomerRequest["warehouse"]>; t: M["request"] }) {
  const copyText = [warehouse.address, warehouse.postalCode, warehouse.contactName, warehouse.contactPhone].filter(Boolean).join(" ");
  return (
    <div
      data-testid="return-address"
      className={`mt-3 rounded-xl p-3 text-sm ${req.status === "awaiting_shipment" ? "bg-amber-50 ring-1 ring-amber-200" : "bg-slate-50 ring-1 ring-slate-200"}`}
    >
      <div className="flex items-center justify-between gap-3">
        <h3 className="font-semibold text-slate-900">{t.addressTitle}</h3>
        <CopyButton text={`${copyText}（${req.rmaNo}）`} label={t.copy} done={t.copied} />
      </div>
      <address className="mt-1 not-italic text-slate-900">
        <span className="block font-medium" lang="zh-CN">
          {warehouse.name}
        </span>
        <span className="block" lang="zh-CN">
          {warehouse.address}
        </span>
        {warehouse.postalCode && <span className="block">{format(t.postalCode, { code: warehouse.postalCode })}</span>}
        <span className="block">{format(t.addressee, { name: warehouse.contactName })}</span>
        <span className="block">{format(t.addressPhone, { phone: warehouse.contactPhone })}</span>
      </address>
      <p className="mt-2 font-medium text-slate-900">{format(t.writeRma, { rmaNo: req.rmaNo })}</p>
    </div>
  );
}

/** The items, their reasons and the photos sent with the request. */
export function RequestItems({ req, m, locale }: { req: CustomerRequest; m: M; locale: Locale }) {
  const t = m.request;
  return (
    <section aria-labelledby="items-heading" className={card}>
      <h2 id="items-heading" className="text-base font-semibold text-slate-900">
        {t.itemsTitle}
      </h2>
      <ul className="mt-1 divide-y divide-slate-100">
        {req.lines.map((l) => (
          <li key={l.id} className="py-2.5 text-sm">
            <p className="flex justify-between gap-3 font-medium text-slate-900">
              <span>{l.title}</span>
              <span className="shrink-0 tabular-nums">× {l.quantity}</span>
            </p>
            <p className="text-slate-600">
              {attributesText(l.attributes)}
              {attributesText(l.attributes) ? " · " : ""}
              {l.reasonName[locale]}
              {req.type !== "exchange" && <> · {yuan(l.refundFen)}</>}
            </p>
            {l.exchangeAttributes && (
              <p className="text-slate-700">
                {m.wizard.review.exchangeTo}{locale === "en" ? ": " : "："}{attributesText(l.exchangeAttributes)}
              </p>
            )}
            {l.note && <p className="mt-0.5 break-words text-slate-700">“{l.note}”</p>}
          </li>
        ))}
      </ul>
      {req.type !== "exchange" && (
        <p className="mt-2 flex justify-between border-t border-slate-100 pt-2 text-sm">
          <span className="text-slate-600">{req.approvedRefundFen != null ? t.refundApproved : t.refundRequested}</span>
          <span className="font-semibold text-slate-900 tabular-nums">{yuan(req.approvedRefundFen ?? req.requestedRefundFen)}</span>
        </p>
      )}
      {req.photos.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-medium text-slate-800">{t.photosTitle}</h3>
          <ul className="mt-2 grid grid-cols-4 gap-2">
            {req.photos.map((p, i) => (
              <li key={p.id}>
                <a href={`/api/photos/${p.id}`} className="block overflow-hidden rounded-lg ring-1 ring-slate-200" target="_blank" rel="noopener">
                  {/* eslint-disable-next-line @next/next/no-img-element -- private, per-customer thumbnails */}
                  <img src={thumbUrl(p.id)} alt={format(t.photoAlt, { n: i + 1 })} loading="lazy" className="aspect-square w-full object-cover" />
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const CUSTOMER_ACTIONS: readonly Action[] = ["submit", "cancel", "provide_info", "ship", "appeal"];

/** Every event in plain words, newest first. */
export function Timeline({ req, m, locale }: { req: CustomerRequest; m: M; locale: Locale }) {
  const t = m.timeline;
  const events = [...req.timeline].reverse();
  return (
    <section aria-labelledby="timeline-heading" className={card}>
      <h2 id="timeline-heading" className="text-base font-semibold text-slate-900">
        {m.request.timelineTitle}
      </h2>
      <ol className="mt-3 space-y-0">
        {events.map((e, i) => {
          const phrase = (t as Record<string, string>)[e.action] ?? term(ACTION_NAMES, e.action, locale);
          const role = CUSTOMER_ACTIONS.includes(e.action) ? "" : term(ROLE_NAMES, e.role, locale);
          return (
            <li key={e.seq} className="relative flex gap-3 pb-4 last:pb-0">
              {i < events.length - 1 && <span aria-hidden="true" className="absolute top-4 bottom-0 left-[5px] w-0.5 bg-slate-200" />}
              <span aria-hidden="true" className={`relative mt-1.5 size-3 shrink-0 rounded-full ${i === 0 ? "bg-accent-700" : "bg-slate-300"}`} />
              <div className="min-w-0 flex-1 text-sm">
                <p className="font-medium text-slate-900">{format(phrase, { role })}</p>
                <p className="text-xs text-slate-600">
                  <time dateTime={e.createdAt.toISOString()}>{dateTime(e.createdAt, locale)}</time>
                  {e.toStatus && <> · {format(t.statusNow, { status: term(STATUS_NAMES, e.toStatus, locale) })}</>}
                </p>
                {e.action === "reject" && e.reasonCode && (
                  <p className="mt-0.5 text-slate-800">{format(t.rejectionReason, { reason: e.reasonName?.[locale] ?? e.reasonCode })}</p>
                )}
                {e.comment && <p className="mt-1 rounded-lg bg-slate-50 px-2.5 py-1.5 break-words whitespace-pre-line text-slate-800 ring-1 ring-slate-200">{e.comment}</p>}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
