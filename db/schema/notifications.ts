import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { staffRole } from "./enums";
import { returnEvents } from "./events";
import { returnRequests } from "./returns";
import { staffUsers } from "./staff";

/**
 * One message (or webhook call) owed for one history event to one target
 * (docs/decisions/032-notifications-from-the-event-log.md). Written by the notify.event job in
 * one transaction with the notify.deliver jobs that send them; `id` is the stable delivery id a
 * receiver sees on every attempt and every re-send, so it can drop duplicates.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: bigint({ mode: "number" })
      .notNull()
      .references(() => returnEvents.id),
    requestId: uuid()
      .notNull()
      .references(() => returnRequests.id),
    /** sms | wecom | email | webhook (NOTIFICATION_CHANNELS). */
    channel: text({ enum: ["sms", "wecom", "email", "webhook"] }).notNull(),
    /**
     * Who it goes to, as a stable key: the customer's id (sms), the staff channel's id (wecom,
     * email) or the webhook endpoint's id. With event and channel it is unique: a re-run of the
     * event's job finds the rows there and creates none.
     */
    targetRef: text().notNull(),
    /** Who it goes to, for people: a masked phone, the role's robot, an address, an endpoint's name. */
    target: text().notNull(),
    /** Which text (server/notifications/templates): e.g. customer.submitted, staff.new_work, webhook.event. */
    templateKey: text().notNull(),
    locale: text({ enum: ["zh-CN", "en"] }).notNull(),
    /** pending → sent | failed; a re-send puts a failed (or sent) one back to pending. */
    status: text({ enum: ["pending", "sent", "failed"] }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    /** The receiver's last answer, short: an HTTP status and the first bytes of the body, an SMTP reply, a provider code. */
    lastResponse: text(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notification_deliveries_once").on(t.eventId, t.channel, t.targetRef),
    // The admin's log, newest first, optionally by channel and status; the failure gauge.
    index("notification_deliveries_created_idx").on(t.createdAt, t.id),
    index("notification_deliveries_status_idx").on(t.status, t.createdAt),
    index("notification_deliveries_request_idx").on(t.requestId),
    check("notification_deliveries_attempts", sql`${t.attempts} >= 0`),
    check("notification_deliveries_channel", sql`${t.channel} IN ('sms', 'wecom', 'email', 'webhook')`),
    check("notification_deliveries_status", sql`${t.status} IN ('pending', 'sent', 'failed')`),
    check("notification_deliveries_locale", sql`${t.locale} IN ('zh-CN', 'en')`),
  ],
);

/**
 * An integrator's receiver (ERP, WMS): every event whose action is in `events` (empty = all) is
 * POSTed to `url`, signed with HMAC-SHA256 under `secret`. The secret is stored sealed
 * (server/auth/secret-box.ts) and shown to the admin once, on create and on rotation.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    url: text().notNull(),
    secret: text().notNull(),
    events: text().array().notNull().default(sql`'{}'::text[]`),
    active: boolean().notNull().default(true),
    createdBy: uuid().references(() => staffUsers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("webhook_endpoints_name_length", sql`char_length(${t.name}) BETWEEN 1 AND 60`), check("webhook_endpoints_url_scheme", sql`${t.url} ~ '^https?://'`)],
);

/** Where a staff role hears about new work and overdue items: a WeCom group robot or an e-mail address. */
export const staffChannels = pgTable(
  "staff_channels",
  {
    id: uuid().primaryKey().defaultRandom(),
    role: staffRole().notNull(),
    kind: text({ enum: ["wecom", "email"] }).notNull(),
    /** The robot's webhook URL (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…) or an e-mail address. */
    target: text().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("staff_channels_role_idx").on(t.role, t.active), check("staff_channels_kind", sql`${t.kind} IN ('wecom', 'email')`)],
);
