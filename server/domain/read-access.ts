import type { Route } from "./route";
import { RETURN_STATUSES, type ReturnStatus, type StaffRole } from "./vocabulary";

/**
 * Who may read what of a request: ONE table, role → sections. Everything staff see of a
 * request is cut by it (server/services/request-view) and so are the photo bytes
 * (server/services/evidence-photos). Every role always sees the request's own core: status,
 * route, deadline, timeline and the actions open to them; the sections below are the rest.
 */
export const READ_SECTIONS = [
  /** Order number, channel, dates, and the order's lines with what was paid per line. */
  "order",
  /** Payment method, order total and refunded so far: what a reviewer weighs an amount against. */
  "payment_summary",
  /** Gateway transaction id and the refund record (refund number, gateway status, attempts, failure). */
  "payment_details",
  /** Requested lines with reasons, notes, the wanted exchange variant and the inspection result. */
  "lines",
  /** The request's money: requested and approved refund, and per requested line its share and what was paid. */
  "amounts",
  "photos",
  /** The customer's other orders and requests, and the risk signals. */
  "history",
  /** The customer's name and masked phone. */
  "contact",
] as const;
export type ReadSection = (typeof READ_SECTIONS)[number];

/** Contact data shown in full only after an explicit, recorded reveal (db/schema/audit.ts). */
export const REVEAL_FIELDS = ["phone"] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

interface RoleAccess {
  sections: readonly ReadSection[];
  /** Which contact fields the role's work needs in full. */
  reveal: readonly RevealField[];
}

const REVIEW: RoleAccess = {
  // A reviewer calls customers back about evidence and reasons.
  sections: ["order", "payment_summary", "lines", "amounts", "photos", "history", "contact"],
  reveal: ["phone"],
};

export const READ_ACCESS: Record<StaffRole, RoleAccess> = {
  customer_service: REVIEW,
  operations_manager: REVIEW,
  // Goods in and replacements out: what arrives and what it looks like, not money or the customer's past.
  // The phone is for the courier of a replacement.
  warehouse: { sections: ["lines", "photos", "contact"], reveal: ["phone"] },
  // Money out: the order, what it paid and where refunds go; not the customer's other orders.
  finance: { sections: ["order", "payment_summary", "payment_details", "lines", "amounts", "contact"], reveal: [] },
  admin: { sections: READ_SECTIONS, reveal: REVEAL_FIELDS },
};

/** The statuses in which the warehouse has goods to expect or holds them: from awaiting_shipment on. */
export const WAREHOUSE_STATUSES: readonly ReturnStatus[] = RETURN_STATUSES.slice(RETURN_STATUSES.indexOf("awaiting_shipment"), RETURN_STATUSES.indexOf("completed") + 1);

/** What a role may know of a request before reading it: enough to decide whether it may at all. */
export interface RequestScope {
  status: ReturnStatus;
  route: Pick<Route, "stages">;
  goodsReceived: boolean;
}

/**
 * Whether `role` may open the request at all. The warehouse only opens requests with goods:
 * a refund-only request never comes near it, and neither does one still under review.
 */
export function mayReadRequest(role: StaffRole, req: RequestScope): boolean {
  if (role !== "warehouse") return true;
  const hasGoods = req.goodsReceived || req.route.stages.includes("customer_shipment") || req.route.stages.includes("warehouse_inspection");
  return hasGoods && WAREHOUSE_STATUSES.includes(req.status);
}

export function sectionsFor(role: StaffRole): ReadonlySet<ReadSection> {
  return new Set(READ_ACCESS[role].sections);
}

export function mayRead(role: StaffRole, section: ReadSection): boolean {
  return READ_ACCESS[role].sections.includes(section);
}

export function mayReveal(role: StaffRole, field: RevealField): boolean {
  return READ_ACCESS[role].reveal.includes(field);
}
