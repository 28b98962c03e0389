import type postgres from "postgres";
import { customerKeyPoint, endpointWants, staffNotice, type PlannedEvent } from "../domain/notification-plan";
import type { ReturnStatus, ReturnType, StaffRole } from "../domain/vocabulary";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locale";
import { maskPhone } from "../services/mask-phone";
import { smsTemplateFor, type NotificationSetup } from "./config";
import { queueDelivery } from "./queue";

interface EventRow {
  id: number;
  action: string;
  fromStatus: ReturnStatus | null;
  toStatus: ReturnStatus;
  changes: Record<string, unknown>;
  requestType: ReturnType;
  customerId: string;
  phone: string;
  locale: string | null;
  anonymisedAt: Date | null;
}

/** A jsonb column as read back (drizzle's client may hand it over as text). */
export function jsonOf(v: unknown): Record<string, unknown> {
  if (typeof v === "string") return JSON.parse(v) as Record<string, unknown>;
  return (v ?? {}) as Record<string, unknown>;
}

interface NewDelivery {
  channel: "sms" | "wecom" | "email" | "webhook";
  targetRef: string;
  target: string;
  templateKey: string;
  locale: Locale;
}

/** A robot is named by its role and the last characters of its key (the key itself is a credential). */
function robotLabel(role: StaffRole, url: string): string {
  const key = /[?&]key=([^&]+)/.exec(url)?.[1] ?? "";
  return `${role} · WeCom …${key.slice(-4)}`;
}

/**
 * notify.event: the deliveries one history event owes, written with one notify.deliver job each,
 * in one transaction. The unique (event, channel, target) makes a re-run (a retried job, a job
 * queued twice) add nothing and queue nothing. Returns how many deliveries it created.
 */
export async function planEventDeliveries(
  sql: postgres.Sql,
  setup: NotificationSetup,
  job: { requestId: string; seq: number },
  log: (line: string) => void = () => {},
): Promise<number> {
  return sql.begin(async (tx) => {
    const [ev] = await tx<EventRow[]>`
      SELECT e.id::int AS id, e.action::text AS action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.changes,
             r.type AS "requestType", r.customer_id AS "customerId", c.phone, c.locale, c.anonymised_at AS "anonymisedAt"
      FROM return_events e
      JOIN return_requests r ON r.id = e.request_id
      JOIN customers c ON c.id = r.customer_id
      WHERE e.request_id = ${job.requestId} AND e.seq = ${job.seq}`;
    if (!ev) return 0;
    const planned: PlannedEvent = { action: ev.action, fromStatus: ev.fromStatus, toStatus: ev.toStatus, requestType: ev.requestType, changes: jsonOf(ev.changes) };
    const deliveries: NewDelivery[] = [];

    const key = customerKeyPoint(planned);
    if (key && !ev.anonymisedAt) {
      const locale: Locale = ev.locale === "en" ? "en" : "zh-CN";
      const template = smsTemplateFor(setup.sms, key, locale);
      if (!setup.sms) log(`[notify] no SMS for customer.${key}: SMS_PROVIDER is none`);
      else if (!template) log(`[notify] no SMS for customer.${key}: no template code configured (SMS_TEMPLATE_${key.toUpperCase()})`);
      else deliveries.push({ channel: "sms", targetRef: ev.customerId, target: maskPhone(ev.phone), templateKey: `customer.${key}`, locale: template.locale });
    }

    const notice = staffNotice(planned);
    if (notice) {
      const channels = await tx<{ id: string; role: StaffRole; kind: "wecom" | "email"; target: string }[]>`
        SELECT id, role, kind, target FROM staff_channels WHERE active AND role::text = ANY(${notice.roles}::text[]) ORDER BY created_at`;
      for (const c of channels) {
        if (c.kind === "email" && !setup.mailer) {
          log(`[notify] no e-mail to ${c.role}: SMTP_URL / MAIL_FROM not set`);
          continue;
        }
        deliveries.push({
          channel: c.kind,
          targetRef: c.id,
          target: c.kind === "wecom" ? robotLabel(c.role, c.target) : c.target,
          templateKey: `staff.${notice.notice}`,
          locale: setup.staffLocale,
        });
      }
    }

    const endpoints = await tx<{ id: string; name: string; events: string[] }[]>`SELECT id, name, events FROM webhook_endpoints WHERE active ORDER BY created_at`;
    for (const endpoint of endpoints) {
      if (endpointWants(endpoint.events, ev.action)) {
        deliveries.push({ channel: "webhook", targetRef: endpoint.id, target: endpoint.name, templateKey: "webhook.event", locale: DEFAULT_LOCALE });
      }
    }
    if (deliveries.length === 0) return 0;

    const created = await tx<{ id: string }[]>`
      INSERT INTO notification_deliveries (event_id, request_id, channel, target_ref, target, template_key, locale)
      SELECT ${ev.id}, ${job.requestId}, d.channel, d.target_ref, d.target, d.template_key, d.locale
      FROM jsonb_to_recordset(${JSON.stringify(deliveries.map((d) => ({ channel: d.channel, target_ref: d.targetRef, target: d.target, template_key: d.templateKey, locale: d.locale })))}::jsonb)
        AS d(channel text, target_ref text, target text, template_key text, locale text)
      ON CONFLICT (event_id, channel, target_ref) DO NOTHING
      RETURNING id`;
    for (const row of created) await queueDelivery(tx, row.id);
    return created.length;
  });
}
