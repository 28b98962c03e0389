/**
 * Exchange stock (docs/decisions/030-exchange-stock.md): an approved exchange holds its
 * replacement units as `skus.reserved` from the moment it leaves review until the replacement
 * ships (taken) or the request stops being an exchange on its way (released). Plain TypeScript:
 * the services decide from these answers what to write.
 */
import { decideRoute, type ApprovalPolicy } from "./policy";
import { normaliseStages, type Route } from "./route";
import type { Action, ReturnStatus, ReturnType } from "./vocabulary";

/** A reservation row's life: held, given back, or taken off the shelf with the shipment. */
export const RESERVATION_STATUSES = ["reserved", "released", "taken"] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** Statuses of an approved exchange that has not shipped its replacement yet: its units are held. */
const HOLDING: readonly ReturnStatus[] = ["awaiting_shipment", "in_transit", "inspection_mismatch", "pending_replacement"];

/** Whether a request of this type in this status holds its replacement units. */
export function holdsReplacement(type: ReturnType, status: ReturnStatus): boolean {
  return type === "exchange" && HOLDING.includes(status);
}

export type ReservationMove = "reserve" | "release" | "take" | null;

/**
 * What a step does to the request's reservations: shipping the replacement takes them, entering
 * the holding statuses (the approval past the last review, an upheld appeal) reserves, leaving
 * them without shipping (cancel, reject, close, conversion to a refund) releases.
 */
export function reservationMove(
  action: Action,
  before: { type: ReturnType; status: ReturnStatus },
  after: { type: ReturnType; status: ReturnStatus },
): ReservationMove {
  if (action === "ship_replacement") return "take";
  // A conversion releases whatever it finds, held or not (idempotent).
  if (action === "convert_to_refund") return "release";
  const held = holdsReplacement(before.type, before.status);
  const holds = holdsReplacement(after.type, after.status);
  if (!held && holds) return "reserve";
  if (held && !holds) return "release";
  return null;
}

/** Units of a SKU nobody has promised yet. */
export const availableUnits = (sku: { stock: number; reserved: number }): number => Math.max(0, sku.stock - sku.reserved);

/**
 * A replacement line is short when it holds no reservation and the variant's free units do not
 * cover its quantity. A line with a reservation is never short: those units are its own.
 */
export function replacementShort(line: { quantity: number; reservedForIt: boolean; stock: number; reserved: number }): boolean {
  return !line.reservedForIt && availableUnits(line) < line.quantity;
}

/**
 * The route of an exchange converted to a return with refund: the replacement stage becomes
 * the refund stage, and the policy's rules for a refund of this amount may add the second
 * finance approval (four-eyes). The review and shipping stages stay as they were.
 */
export function convertedRoute(route: Route, policy: ApprovalPolicy, refund: { amountFen: number; categories: { code: string; highValue: boolean }[] }): Route {
  const asRefund = decideRoute(policy, { type: "return_refund", amountFen: refund.amountFen, categories: refund.categories, priorReturns: 0 });
  const addsApproval = asRefund.stages.includes("refund_approval");
  const stages = normaliseStages([...route.stages.filter((s) => s !== "replacement"), "refund", ...(addsApproval ? (["refund_approval"] as const) : [])]);
  const matchedRules = addsApproval
    ? [...new Set([...route.matchedRules, ...policy.rules.filter((r) => r.addStages.includes("refund_approval") && asRefund.matchedRules.includes(r.id)).map((r) => r.id)])]
    : route.matchedRules;
  return { ...route, stages, matchedRules };
}
