import { describe, expect, it } from "vitest";
import { notificationsMessages } from "@/components/i18n/notifications-messages";
import { CUSTOMER_KEY_POINTS, STAFF_NOTICES } from "@/server/domain/notification-plan";
import { DELIVERY_STATUSES, NOTIFICATION_CHANNELS, STAFF_CHANNEL_KINDS } from "@/server/schemas/notifications";

describe("the notification pages' words", () => {
  it.each(["zh-CN", "en"] as const)("name every template, channel, status and staff channel kind the backend has (%s)", (locale) => {
    const t = notificationsMessages(locale);
    const templates = [...CUSTOMER_KEY_POINTS.map((k) => `customer.${k}`), ...STAFF_NOTICES.map((n) => `staff.${n}`), "webhook.event"];
    for (const key of templates) expect(t.templates[key], key).toBeTruthy();
    for (const c of NOTIFICATION_CHANNELS) expect(t.channels[c], c).toBeTruthy();
    for (const s of DELIVERY_STATUSES) expect(t.statuses[s], s).toBeTruthy();
    for (const k of STAFF_CHANNEL_KINDS) expect(t.staffChannels.kinds[k], k).toBeTruthy();
  });

  it("has the same keys in both languages", () => {
    const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v).map((sub) => `${k}.${sub}`) : [k]));
    expect(keys(notificationsMessages("en")).sort()).toEqual(keys(notificationsMessages("zh-CN")).sort());
  });
});
