/**
 * Who hears about a history event (docs/decisions/032-notifications-from-the-event-log.md):
 * the customer at the key points of their request, the role that works the queue the request
 * entered ("new work"), the roles a deadline names ("overdue"), and the integrators for every
 * event. Plain functions of the event: the worker turns their answer into delivery rows.
 */
import { STAFF_ROLES, type ReturnStatus, type ReturnType, type StaffRole } from "./vocabulary";

/** The moments a customer gets an SMS, each with its own approved template. */
export const CUSTOMER_KEY_POINTS = ["submitted", "needs_info", "approved_ship", "refund_approved", "received", "refunded", "rejected"] as const;
export type CustomerKeyPoint = (typeof CUSTOMER_KEY_POINTS)[number];

export const STAFF_NOTICES = ["new_work", "overdue"] as const;
export type StaffNotice = (typeof STAFF_NOTICES)[number];

/** What the planner reads of an event (action as text: `overdue` comes from the deadline jobs). */
export interface PlannedEvent {
  action: string;
  fromStatus: ReturnStatus | null;
  toStatus: ReturnStatus;
  requestType: ReturnType;
  changes: Record<string, unknown>;
}

/** The role whose queue holds requests in a status (the statuses someone on the staff must act on). */
export const QUEUE_ROLE: Partial<Record<ReturnStatus, StaffRole>> = {
  pending_cs_review: "customer_service",
  pending_ops_review: "operations_manager",
  inspection_mismatch: "operations_manager",
  // The parcel is on its way: the warehouse expects it.
  in_transit: "warehouse",
  pending_refund_approval: "finance",
  pending_refund: "finance",
  pending_replacement: "warehouse",
};

const RECEIVING_ACTIONS = new Set(["receive", "record_parcel", "link_parcel"]);
const AWAITING_GOODS: ReadonlySet<ReturnStatus> = new Set(["awaiting_shipment", "in_transit"]);
const REFUND_WAITING: ReadonlySet<ReturnStatus> = new Set(["pending_refund_approval", "pending_refund", "refunding"]);

/** The customer's key point this event is, if any. */
export function customerKeyPoint(e: PlannedEvent): CustomerKeyPoint | null {
  const moved = e.fromStatus !== e.toStatus;
  if (e.action === "submit") return "submitted";
  if (e.action === "request_info") return "needs_info";
  if (e.action === "reject") return "rejected";
  if (e.action === "refund_succeeded" || e.action === "record_offline_refund") return "refunded";
  if (moved && e.toStatus === "awaiting_shipment") return "approved_ship";
  // The goods are in: the step that takes the request out of waiting for them.
  if (moved && RECEIVING_ACTIONS.has(e.action) && e.fromStatus && AWAITING_GOODS.has(e.fromStatus) && !AWAITING_GOODS.has(e.toStatus)) return "received";
  // A refund without a return, approved (no parcel to send: the money is next).
  if (moved && e.requestType === "refund_only" && (e.action === "approve" || e.action === "accept_full" || e.action === "accept_partial") && REFUND_WAITING.has(e.toStatus)) {
    return "refund_approved";
  }
  return null;
}

/** The staff to tell, and what about: new work for the queue's role, or the roles a deadline names. */
export function staffNotice(e: PlannedEvent): { notice: StaffNotice; roles: StaffRole[] } | null {
  if (e.action === "overdue") {
    const named = Array.isArray(e.changes.notifyRoles) ? e.changes.notifyRoles : [];
    const roles = STAFF_ROLES.filter((r) => named.includes(r));
    return roles.length ? { notice: "overdue", roles } : null;
  }
  const role = QUEUE_ROLE[e.toStatus];
  if (role && e.fromStatus !== e.toStatus) return { notice: "new_work", roles: [role] };
  return null;
}

/** Whether an endpoint filtering on `events` (actions; empty = all) gets this event. */
export function endpointWants(events: readonly string[], action: string): boolean {
  return events.length === 0 || events.includes(action);
}
