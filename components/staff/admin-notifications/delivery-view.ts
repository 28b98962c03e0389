import type { BadgeTone } from "@/components/ui/badge";
import { ACTIONS, type Action } from "@/server/domain/vocabulary";
import { ACTION_NAMES, term } from "@/server/i18n/domain-terms";
import type { Locale } from "@/server/i18n/locale";
import { DELIVERY_STATUSES, NOTIFICATION_CHANNELS, WEBHOOK_EVENT_NAMES, type DeliveryStatus, type NotificationChannel } from "@/server/schemas/notifications";

/**
 * What the Sent list and its filters need besides markup: the URL's filters, the status badge,
 * whether a delivery can be sent again, short texts. Plain functions so they are unit-tested.
 */
export const DELIVERY_CHANNELS = NOTIFICATION_CHANNELS;
export { DELIVERY_STATUSES };
type DeliveryChannel = NotificationChannel;

export interface DeliveryFilters {
  channel?: DeliveryChannel;
  status?: DeliveryStatus;
}

export const SENT_PATH = "/dashboard/admin/notifications";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const oneOf = <T extends string>(values: readonly T[], v: string | undefined): T | undefined => (values as readonly string[]).includes(v ?? "") ? (v as T) : undefined;

/** Filters from the URL, so a link reproduces the list; an unknown value is dropped, not an error page. */
export function deliveryFiltersFromSearch(sp: Record<string, string | string[] | undefined>): DeliveryFilters {
  const out: DeliveryFilters = {};
  const channel = oneOf(DELIVERY_CHANNELS, one(sp.channel));
  const status = oneOf(DELIVERY_STATUSES, one(sp.status));
  if (channel) out.channel = channel;
  if (status) out.status = status;
  return out;
}

/** The Sent list's address for these filters (none: the bare page). */
export function deliveryFiltersHref(filters: DeliveryFilters): string {
  const q = new URLSearchParams();
  if (filters.channel) q.set("channel", filters.channel);
  if (filters.status) q.set("status", filters.status);
  const s = q.toString();
  return s ? `${SENT_PATH}?${s}` : SENT_PATH;
}

/** The colour of a delivery's status: the word carries the meaning, the tone helps scanning. */
export function deliveryStatusTone(status: string): BadgeTone {
  if (status === "sent") return "success";
  if (status === "failed") return "danger";
  return "warning";
}

/** A pending delivery is already queued; a failed one (or a sent one the receiver lost) can go again. */
export function canResend(status: string): boolean {
  return status === "failed" || status === "sent";
}

/** A receiver's answer fits one table cell: whitespace collapsed, cut with an ellipsis. The full text stays in the title. */
export function shortResponse(text: string | null, max = 80): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, " ").trim();
  if (!flat) return null;
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

// Events a webhook can follow that are not (yet) in the vocabulary's actions: deadline reminders.
const EXTRA_EVENT_NAMES: Record<string, Record<Locale, string>> = {
  overdue: { "zh-CN": "超时提醒", en: "Overdue reminder" },
};

/** The step a delivery reports, in words ("审核通过"); an action this build does not know stays as its code. */
export function actionLabel(action: string, locale: Locale): string {
  if (isAction(action)) return term(ACTION_NAMES, action, locale);
  return EXTRA_EVENT_NAMES[action]?.[locale] ?? action;
}

function isAction(v: string): v is Action {
  return (ACTIONS as readonly string[]).includes(v);
}

/** The events a webhook may subscribe to, with their names, in the vocabulary's order. */
export function webhookEventOptions(locale: Locale): { value: string; label: string }[] {
  return WEBHOOK_EVENT_NAMES.map((a) => ({ value: a, label: actionLabel(a, locale) }));
}

/** "审核通过、驳回" / "Approve, Reject"; empty means every event. */
export function eventsSummary(events: readonly string[], locale: Locale, all: string): string {
  if (events.length === 0) return all;
  return events.map((e) => actionLabel(e, locale)).join(locale === "en" ? ", " : "、");
}
