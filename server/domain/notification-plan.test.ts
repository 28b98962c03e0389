import { describe, expect, it } from "vitest";
import { customerKeyPoint, endpointWants, staffNotice, type PlannedEvent } from "./notification-plan";

const ev = (over: Partial<PlannedEvent>): PlannedEvent => ({ action: "approve", fromStatus: "pending_cs_review", toStatus: "pending_ops_review", requestType: "return_refund", changes: {}, ...over });

describe("the customer's key points", () => {
  it.each([
    [ev({ action: "submit", fromStatus: null, toStatus: "pending_cs_review" }), "submitted"],
    [ev({ action: "request_info", toStatus: "needs_info" }), "needs_info"],
    [ev({ action: "approve", toStatus: "awaiting_shipment" }), "approved_ship"],
    [ev({ action: "approve", fromStatus: "pending_ops_review", toStatus: "awaiting_shipment" }), "approved_ship"],
    [ev({ action: "receive", fromStatus: "in_transit", toStatus: "pending_refund" }), "received"],
    [ev({ action: "record_parcel", fromStatus: "in_transit", toStatus: "inspection_mismatch" }), "received"],
    [ev({ action: "refund_succeeded", fromStatus: "refunding", toStatus: "completed" }), "refunded"],
    [ev({ action: "reject", toStatus: "rejected" }), "rejected"],
    [ev({ action: "approve", requestType: "refund_only", toStatus: "pending_refund" }), "refund_approved"],
    [ev({ action: "approve", requestType: "refund_only", toStatus: "pending_refund_approval" }), "refund_approved"],
  ] as const)("%o → %s", (e, key) => {
    expect(customerKeyPoint(e)).toBe(key);
  });

  it.each([
    ev({ action: "approve", toStatus: "pending_ops_review" }), // escalated to a second reviewer: not approved yet
    ev({ action: "claim", toStatus: "pending_cs_review", fromStatus: "pending_cs_review" }),
    ev({ action: "record_parcel", fromStatus: "in_transit", toStatus: "in_transit" }), // one parcel of several
    ev({ action: "refund", fromStatus: "pending_refund", toStatus: "refunding" }),
    ev({ action: "overdue", fromStatus: "pending_refund", toStatus: "pending_refund" }),
  ])("%o → nothing", (e) => {
    expect(customerKeyPoint(e)).toBeNull();
  });
});

describe("the staff", () => {
  it("hear of new work in the queue the request entered", () => {
    expect(staffNotice(ev({ action: "submit", fromStatus: null, toStatus: "pending_cs_review" }))).toEqual({ notice: "new_work", roles: ["customer_service"] });
    expect(staffNotice(ev({ action: "escalate", toStatus: "pending_ops_review" }))).toEqual({ notice: "new_work", roles: ["operations_manager"] });
    expect(staffNotice(ev({ action: "ship", fromStatus: "awaiting_shipment", toStatus: "in_transit" }))).toEqual({ notice: "new_work", roles: ["warehouse"] });
    expect(staffNotice(ev({ action: "approve", fromStatus: "pending_cs_review", toStatus: "pending_refund" }))).toEqual({ notice: "new_work", roles: ["finance"] });
    expect(staffNotice(ev({ action: "claim", fromStatus: "pending_cs_review", toStatus: "pending_cs_review" }))).toBeNull();
    expect(staffNotice(ev({ action: "approve", toStatus: "awaiting_shipment" }))).toBeNull();
  });

  it("hear of an overdue item: the roles the deadline names, known roles only", () => {
    const overdue = ev({ action: "overdue", fromStatus: "pending_refund", toStatus: "pending_refund", changes: { stage: "pending_refund", outcome: "alert", notifyRoles: ["finance", "admin", "nobody"] } });
    expect(staffNotice(overdue)).toEqual({ notice: "overdue", roles: ["finance", "admin"] });
    expect(staffNotice({ ...overdue, changes: {} })).toBeNull();
  });
});

describe("an endpoint's event filter", () => {
  it("empty = every event, else the actions listed", () => {
    expect(endpointWants([], "claim")).toBe(true);
    expect(endpointWants(["submit", "refund_succeeded"], "refund_succeeded")).toBe(true);
    expect(endpointWants(["submit"], "approve")).toBe(false);
  });
});
