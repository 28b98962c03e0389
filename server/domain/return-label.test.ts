import { describe, expect, it } from "vitest";
import { labelRefusal } from "./return-label";
import type { Stage } from "./vocabulary";

const withParcel: Stage[] = ["cs_review", "customer_shipment", "warehouse_inspection", "refund"];
const refundOnly: Stage[] = ["cs_review", "refund"];

describe("labelRefusal", () => {
  it("lets the customer print once approved for shipping and until the parcel arrives", () => {
    expect(labelRefusal({ status: "awaiting_shipment", stages: withParcel, goodsReceived: false }, "customer")).toBeNull();
    expect(labelRefusal({ status: "in_transit", stages: withParcel, goodsReceived: false }, "customer")).toBeNull();
  });

  it("says why not otherwise", () => {
    expect(labelRefusal({ status: "awaiting_shipment", stages: refundOnly, goodsReceived: false }, "customer")).toBe("no_parcel");
    expect(labelRefusal({ status: "pending_cs_review", stages: withParcel, goodsReceived: false }, "customer")).toBe("not_approved_yet");
    expect(labelRefusal({ status: "needs_info", stages: withParcel, goodsReceived: false }, "customer")).toBe("not_approved_yet");
    expect(labelRefusal({ status: "pending_refund", stages: withParcel, goodsReceived: true }, "customer")).toBe("goods_received");
    expect(labelRefusal({ status: "cancelled", stages: withParcel, goodsReceived: false }, "customer")).toBe("request_over");
  });

  it("lets staff print any request that sends goods back, and no other", () => {
    expect(labelRefusal({ status: "pending_refund", stages: withParcel, goodsReceived: true }, "staff")).toBeNull();
    expect(labelRefusal({ status: "pending_cs_review", stages: withParcel, goodsReceived: false }, "staff")).toBeNull();
    expect(labelRefusal({ status: "pending_refund", stages: refundOnly, goodsReceived: false }, "staff")).toBe("no_parcel");
  });
});
