import { describe, expect, it } from "vitest";
import { CUSTOMER_KEY_POINTS, STAFF_NOTICES } from "../../domain/notification-plan";
import { LOCALES } from "../../i18n/locale";
import { SMS_TEXTS, smsParamNames, smsTemplateVariable } from "./sms";
import { renderStaffMessage, STAFF_TEXTS } from "./staff";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("customer SMS templates", () => {
  it.each(CUSTOMER_KEY_POINTS)("%s has a zh-CN and an English text, each taking exactly ${rma}", (key) => {
    for (const locale of LOCALES) {
      const text = SMS_TEXTS[key][locale];
      expect(text.trim().length).toBeGreaterThan(10);
      expect(smsParamNames(text)).toEqual(["rma"]);
    }
    // The two languages are different texts (a copy would mean a missing translation).
    expect(SMS_TEXTS[key]["zh-CN"]).not.toBe(SMS_TEXTS[key].en);
    expect(SMS_TEXTS[key]["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    expect(SMS_TEXTS[key].en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("names one configuration variable per key point and language", () => {
    expect(smsTemplateVariable("approved_ship", "zh-CN")).toBe("SMS_TEMPLATE_APPROVED_SHIP");
    expect(smsTemplateVariable("approved_ship", "en")).toBe("SMS_TEMPLATE_APPROVED_SHIP_EN");
  });
});

describe("staff message templates", () => {
  it.each(STAFF_NOTICES)("%s has both languages with the same placeholders", (notice) => {
    for (const part of ["title", "body"] as const) {
      expect(placeholders(STAFF_TEXTS[notice]["zh-CN"][part])).toEqual(placeholders(STAFF_TEXTS[notice].en[part]));
    }
  });

  it.each(LOCALES)("renders every notice in %s with nothing left unfilled", (locale) => {
    for (const notice of STAFF_NOTICES) {
      const m = renderStaffMessage({
        notice,
        locale,
        rmaNo: "RMA20261130ABCD1234",
        status: "pending_refund",
        role: "finance",
        deadlineAt: new Date("2026-11-30T04:00:00Z"),
        outcome: "alert",
        link: "https://shop.example.com/dashboard/requests/x",
      });
      for (const text of [m.title, m.text, m.markdown]) {
        expect(text).toContain("RMA20261130ABCD1234");
        expect(text).not.toMatch(/\{\w+\}/);
      }
      expect(m.markdown).toContain("(https://shop.example.com/dashboard/requests/x)");
    }
  });

  it("an overdue notice names the deadline in Beijing time", () => {
    const m = renderStaffMessage({ notice: "overdue", locale: "zh-CN", rmaNo: "RMA1", status: "pending_refund", role: "finance", deadlineAt: new Date("2026-11-30T04:00:00Z"), outcome: "alert" });
    expect(m.text).toContain("12:00");
    expect(m.text).toContain("待退款");
  });
});
