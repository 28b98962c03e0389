import type postgres from "postgres";
import { openSecret } from "../auth/secret-box";
import { CUSTOMER_KEY_POINTS, STAFF_NOTICES, type CustomerKeyPoint, type StaffNotice } from "../domain/notification-plan";
import type { ReturnStatus, StaffRole } from "../domain/vocabulary";
import type { Locale } from "../i18n/locale";
import { SmsDeliveryError } from "../sms/sender";
import { failureText, type Attempt } from "./channels/result";
import { sendWebhook } from "./channels/webhook";
import { sendWecom } from "./channels/wecom";
import { smsTemplateFor, type NotificationSetup } from "./config";
import { jsonOf } from "./plan-event";
import { renderStaffMessage } from "./templates/staff";
import { webhookBody } from "./templates/webhook";

interface DeliveryRow {
  id: string;
  channel: "sms" | "wecom" | "email" | "webhook";
  targetRef: string;
  templateKey: string;
  locale: Locale;
  status: "pending" | "sent" | "failed";
  eventId: number;
  requestId: string;
  action: string;
  fromStatus: ReturnStatus | null;
  toStatus: ReturnStatus;
  changes: unknown;
  eventAt: string | Date;
  actorType: "customer" | "staff" | "system";
  actorRole: string;
  rmaNo: string;
  phone: string;
  anonymisedAt: string | Date | null;
}

export type DeliveryOutcome = "sent" | "failed" | "retry" | "skipped";

const gone = (response: string): Attempt => ({ ok: false, response, final: true });

async function staffTarget(sql: postgres.Sql, id: string) {
  const [row] = await sql<{ role: StaffRole; kind: "wecom" | "email"; target: string; active: boolean }[]>`SELECT role, kind, target, active FROM staff_channels WHERE id = ${id}`;
  return row?.active ? row : null;
}

function staffMessage(setup: NotificationSetup, d: DeliveryRow, role: StaffRole) {
  const notice = d.templateKey.replace(/^staff\./, "") as StaffNotice;
  if (!STAFF_NOTICES.includes(notice)) return null;
  const changes = jsonOf(d.changes);
  const stage = typeof changes.stage === "string" ? (changes.stage as ReturnStatus) : d.toStatus;
  const deadline = typeof changes.deadlineAt === "string" ? new Date(changes.deadlineAt) : null;
  return renderStaffMessage({
    notice,
    locale: d.locale,
    rmaNo: d.rmaNo,
    status: notice === "overdue" ? stage : d.toStatus,
    role,
    deadlineAt: deadline && !Number.isNaN(deadline.getTime()) ? deadline : null,
    outcome: changes.outcome === "alert" ? "alert" : changes.outcome === "remind" ? "remind" : undefined,
    link: setup.baseUrl ? new URL(`/dashboard/requests/${d.requestId}`, setup.baseUrl).toString() : null,
  });
}

/** One attempt on the channel the delivery is for; never throws (a thrown adapter error is an attempt that failed). */
async function attempt(sql: postgres.Sql, setup: NotificationSetup, d: DeliveryRow): Promise<Attempt> {
  switch (d.channel) {
    case "sms": {
      if (d.anonymisedAt) return gone("customer anonymised: no phone number");
      const key = d.templateKey.replace(/^customer\./, "") as CustomerKeyPoint;
      if (!CUSTOMER_KEY_POINTS.includes(key)) return gone(`unknown template ${d.templateKey}`);
      const template = smsTemplateFor(setup.sms, key, d.locale);
      if (!setup.sms || !template) return gone("SMS not configured");
      try {
        const { messageId } = await setup.sms.sender.send({ phone: d.phone, templateCode: template.code, params: { rma: d.rmaNo }, outId: d.id });
        return { ok: true, response: `OK ${messageId}` };
      } catch (e) {
        return { ok: false, response: e instanceof SmsDeliveryError ? `${e.code}: ${e.message}` : failureText(e) };
      }
    }
    case "wecom":
    case "email": {
      const channel = await staffTarget(sql, d.targetRef);
      if (!channel || channel.kind !== d.channel) return gone("staff channel removed or switched off");
      const message = staffMessage(setup, d, channel.role);
      if (!message) return gone(`unknown template ${d.templateKey}`);
      if (d.channel === "wecom") return sendWecom(channel.target, { deliveryId: d.id, markdown: message.markdown }, { timeoutMs: setup.timeoutMs });
      if (!setup.mailer) return gone("e-mail not configured (SMTP_URL / MAIL_FROM)");
      return setup.mailer.send({ deliveryId: d.id, to: channel.target, subject: message.title, text: message.text });
    }
    case "webhook": {
      const [endpoint] = await sql<{ url: string; secret: string; active: boolean }[]>`SELECT url, secret, active FROM webhook_endpoints WHERE id = ${d.targetRef}`;
      if (!endpoint?.active) return gone("endpoint removed or switched off");
      if (!setup.secretKey) return gone("no key to open the endpoint's secret (AUTH_SECRET)");
      let secret: string;
      try {
        secret = openSecret(endpoint.secret, setup.secretKey);
      } catch {
        return gone("the endpoint's secret cannot be opened with this key (AUTH_SECRET / TOTP_ENCRYPTION_KEY changed?): rotate it");
      }
      const body = webhookBody({
        deliveryId: d.id,
        eventId: d.eventId,
        requestId: d.requestId,
        rmaNo: d.rmaNo,
        action: d.action,
        fromStatus: d.fromStatus,
        toStatus: d.toStatus,
        at: new Date(d.eventAt).toISOString(),
        actor: { type: d.actorType, role: d.actorRole },
      });
      return sendWebhook({ url: endpoint.url, secret }, { deliveryId: d.id, action: d.action, body }, { timeoutMs: setup.timeoutMs });
    }
  }
}

/**
 * notify.deliver: one attempt of one pending delivery, recorded (attempts, last response, time).
 * `lastTry` = pg-boss will not retry after this one: a failure then marks the delivery failed.
 * A delivery that is not pending (sent already, or failed and not re-sent) is left alone.
 */
export async function deliverOnce(sql: postgres.Sql, setup: NotificationSetup, deliveryId: string, lastTry: boolean, now = () => new Date()): Promise<{ outcome: DeliveryOutcome; response?: string }> {
  const [d] = await sql<DeliveryRow[]>`
    SELECT d.id, d.channel, d.target_ref AS "targetRef", d.template_key AS "templateKey", d.locale, d.status,
           e.id::int AS "eventId", e.request_id AS "requestId", e.action::text AS action, e.from_status AS "fromStatus", e.to_status AS "toStatus",
           e.changes, e.created_at AS "eventAt", e.actor_type AS "actorType", e.role AS "actorRole",
           r.rma_no AS "rmaNo", c.phone, c.anonymised_at AS "anonymisedAt"
    FROM notification_deliveries d
    JOIN return_events e ON e.id = d.event_id
    JOIN return_requests r ON r.id = d.request_id
    JOIN customers c ON c.id = r.customer_id
    WHERE d.id = ${deliveryId}`;
  if (!d || d.status !== "pending") return { outcome: "skipped" };
  const result = await attempt(sql, setup, d);
  const status = result.ok ? "sent" : result.final || lastTry ? "failed" : "pending";
  const at = now().toISOString();
  await sql`
    UPDATE notification_deliveries SET
      attempts = attempts + 1, last_attempt_at = ${at}::timestamptz, last_response = ${result.response},
      status = ${status}, sent_at = CASE WHEN ${status} = 'sent' THEN ${at}::timestamptz ELSE sent_at END
    WHERE id = ${deliveryId} AND status = 'pending'`;
  return { outcome: status === "pending" ? "retry" : status, response: result.response };
}
