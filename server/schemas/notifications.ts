import { z } from "zod";
import { ACTIONS, STAFF_ROLES } from "../domain/vocabulary";
import { id } from "./fields";

/**
 * Inputs of the notifications admin (router `notifications`, docs/decisions/032). Shared by the
 * forms (zodResolver) and the router; messages are "v.*" keys translated in server/i18n/errors.ts.
 * Plain zod only: the browser imports this file too.
 */
export const NOTIFICATION_CHANNELS = ["sms", "wecom", "email", "webhook"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const DELIVERY_STATUSES = ["pending", "sent", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const STAFF_CHANNEL_KINDS = ["wecom", "email"] as const;
export type StaffChannelKind = (typeof STAFF_CHANNEL_KINDS)[number];

/**
 * The actions a webhook endpoint can filter on: every recorded action, plus `overdue` (a deadline
 * reminder or alert, recorded by the deadline jobs) even before the vocabulary has it.
 */
export const WEBHOOK_EVENT_NAMES: readonly string[] = [...new Set<string>([...ACTIONS, "overdue"])];

export const deliveriesInput = z.object({
  channel: z.enum(NOTIFICATION_CHANNELS).optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  /** nextCursor of the previous page. */
  cursor: z.string().max(200).optional(),
});

export const resendInput = z.object({ deliveryId: id });

const httpUrl = z
  .string({ error: "v.webhookUrl" })
  .trim()
  .max(500, { error: "v.webhookUrl" })
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0 && !u.username && !u.password;
    } catch {
      return false;
    }
  }, { error: "v.webhookUrl" });

export const saveEndpointInput = z.object({
  id: id.optional(),
  name: z.string({ error: "v.webhookName" }).trim().min(1, { error: "v.webhookName" }).max(60, { error: "v.webhookName" }),
  url: httpUrl,
  /** Actions to send; empty = every event. */
  events: z
    .array(z.string().refine((v) => WEBHOOK_EVENT_NAMES.includes(v), { error: "v.webhookEvent" }))
    .max(WEBHOOK_EVENT_NAMES.length)
    .default([]),
  active: z.boolean().default(true),
});

export const endpointIdInput = z.object({ id });

const wecomUrl = /^https?:\/\/[^/\s]+\/cgi-bin\/webhook\/send\?(?:.*&)?key=[A-Za-z0-9-]+/;

export const saveChannelInput = z
  .object({
    id: id.optional(),
    role: z.enum(STAFF_ROLES, { error: "v.role" }),
    kind: z.enum(STAFF_CHANNEL_KINDS, { error: "v.channelKind" }),
    target: z.string({ error: "v.channelTarget" }).trim().min(1, { error: "v.channelTarget" }).max(500, { error: "v.channelTarget" }),
    active: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    // A robot's URL is https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… (http only for a local sandbox).
    if (v.kind === "wecom" && !wecomUrl.test(v.target)) ctx.addIssue({ code: "custom", path: ["target"], message: "v.wecomUrl" });
    if (v.kind === "email" && !z.email().safeParse(v.target).success) ctx.addIssue({ code: "custom", path: ["target"], message: "v.email" });
  });

export const channelIdInput = z.object({ id });

export type DeliveriesInput = z.infer<typeof deliveriesInput>;
export type SaveEndpointInput = z.output<typeof saveEndpointInput>;
export type SaveChannelInput = z.output<typeof saveChannelInput>;

/** One row of the delivery log as the admin sees it. */
export interface DeliveryRow {
  id: string;
  channel: NotificationChannel;
  target: string;
  templateKey: string;
  rmaNo: string | null;
  eventAction: string;
  status: DeliveryStatus;
  attempts: number;
  lastResponse: string | null;
  lastAttemptAt: Date | null;
  sentAt: Date | null;
  createdAt: Date;
}

export interface DeliveriesPage {
  items: DeliveryRow[];
  nextCursor: string | null;
}

export interface EndpointRow {
  id: string;
  name: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: Date;
  lastDelivery: { status: DeliveryStatus; at: Date } | null;
}

export interface ChannelRow {
  id: string;
  role: (typeof STAFF_ROLES)[number];
  kind: StaffChannelKind;
  target: string;
  active: boolean;
}
