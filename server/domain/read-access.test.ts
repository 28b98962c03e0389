import { describe, expect, it } from "vitest";
import { mayRead, mayReadRequest, mayReveal, READ_ACCESS, READ_SECTIONS, WAREHOUSE_STATUSES } from "./read-access";
import { RETURN_STATUSES, STAFF_ROLES } from "./vocabulary";

const goods = { stages: ["cs_review", "customer_shipment", "warehouse_inspection", "refund"] as const };

describe("read matrix", () => {
  it("the admin reads every section; nobody but finance and the admin reads payment details", () => {
    expect(READ_SECTIONS.every((s) => mayRead("admin", s))).toBe(true);
    expect(STAFF_ROLES.filter((r) => mayRead(r, "payment_details"))).toEqual(["finance", "admin"]);
  });

  it("customer history is for reviewers and the admin only", () => {
    expect(STAFF_ROLES.filter((r) => mayRead(r, "history"))).toEqual(["customer_service", "operations_manager", "admin"]);
  });

  it("the warehouse reads lines and photos but no money", () => {
    expect(READ_ACCESS.warehouse.sections).toEqual(["lines", "photos", "contact"]);
  });

  it("finance may not reveal contact data", () => {
    expect(mayReveal("finance", "phone")).toBe(false);
    expect(STAFF_ROLES.filter((r) => mayReveal(r, "phone"))).toEqual(["customer_service", "operations_manager", "warehouse", "admin"]);
  });
});

describe("mayReadRequest", () => {
  it("the warehouse opens a goods request from awaiting_shipment on, not before", () => {
    expect(WAREHOUSE_STATUSES[0]).toBe("awaiting_shipment");
    expect(WAREHOUSE_STATUSES.at(-1)).toBe("completed");
    for (const status of RETURN_STATUSES) {
      const ok = mayReadRequest("warehouse", { status, route: { stages: [...goods.stages] }, goodsReceived: false });
      expect(ok, status).toBe(WAREHOUSE_STATUSES.includes(status));
    }
    expect(mayReadRequest("warehouse", { status: "pending_cs_review", route: { stages: [...goods.stages] }, goodsReceived: false })).toBe(false);
  });

  it("the warehouse never opens a refund-only request; the other roles open any request", () => {
    const refundOnly = { status: "pending_refund" as const, route: { stages: ["cs_review" as const, "refund" as const] }, goodsReceived: false };
    expect(mayReadRequest("warehouse", refundOnly)).toBe(false);
    for (const role of STAFF_ROLES.filter((r) => r !== "warehouse")) expect(mayReadRequest(role, refundOnly)).toBe(true);
  });
});
