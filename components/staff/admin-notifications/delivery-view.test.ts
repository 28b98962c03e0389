import { describe, expect, it } from "vitest";
import { actionLabel, canResend, deliveryFiltersFromSearch, deliveryFiltersHref, deliveryStatusTone, eventsSummary, shortResponse, webhookEventOptions } from "./delivery-view";

describe("the Sent list's filters in the URL", () => {
  it("reads a known channel and status and drops anything else", () => {
    expect(deliveryFiltersFromSearch({ channel: "sms", status: "failed" })).toEqual({ channel: "sms", status: "failed" });
    expect(deliveryFiltersFromSearch({ channel: "fax", status: ["sent", "failed"] })).toEqual({ status: "sent" });
    expect(deliveryFiltersFromSearch({ channel: " ", status: undefined })).toEqual({});
  });

  it("writes them back as a link; no filters is the bare page", () => {
    expect(deliveryFiltersHref({})).toBe("/dashboard/admin/notifications");
    expect(deliveryFiltersHref({ channel: "webhook", status: "failed" })).toBe("/dashboard/admin/notifications?channel=webhook&status=failed");
    expect(deliveryFiltersFromSearch(Object.fromEntries(new URL(deliveryFiltersHref({ status: "pending" }), "http://x").searchParams))).toEqual({ status: "pending" });
  });
});

describe("a delivery's status", () => {
  it("is green when sent, red when failed, amber while pending", () => {
    expect(deliveryStatusTone("sent")).toBe("success");
    expect(deliveryStatusTone("failed")).toBe("danger");
    expect(deliveryStatusTone("pending")).toBe("warning");
  });

  it("can be sent again unless it is still queued", () => {
    expect(canResend("failed")).toBe(true);
    expect(canResend("sent")).toBe(true);
    expect(canResend("pending")).toBe(false);
  });
});

describe("short texts", () => {
  it("fits a receiver's answer in a cell", () => {
    expect(shortResponse(null)).toBeNull();
    expect(shortResponse("  \n ")).toBeNull();
    expect(shortResponse("HTTP 500\n  Internal   Server Error")).toBe("HTTP 500 Internal Server Error");
    const long = shortResponse("x".repeat(200), 10);
    expect(long).toBe(`${"x".repeat(9)}…`);
    expect(long).toHaveLength(10);
  });

  it("names steps in the page's language and keeps an unknown one as its code", () => {
    expect(actionLabel("approve", "zh-CN")).toBe("审核通过");
    expect(actionLabel("approve", "en")).toBe("Approve");
    expect(actionLabel("teleport", "en")).toBe("teleport");
  });

  it("lists a webhook's events, or says it gets every event", () => {
    expect(eventsSummary([], "en", "Every event")).toBe("Every event");
    expect(eventsSummary(["approve", "reject"], "zh-CN", "所有事件")).toBe("审核通过、驳回");
    expect(eventsSummary(["approve", "reject"], "en", "")).toBe("Approve, Reject");
  });

  it("offers every action as a webhook event, each with a name", () => {
    const options = webhookEventOptions("zh-CN");
    expect(options.find((o) => o.value === "submit")?.label).toBe("提交申请");
    expect(options.every((o) => o.label && o.label !== o.value)).toBe(true);
  });
});
