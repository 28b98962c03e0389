/**
 * Risk signals for one request: named hints for the reviewer (and the queue's bulk approval),
 * never a decision by themselves. Plain facts in, the signals that fired out, each with the
 * figures that made it fire so the screen can say why ("3 of 4 orders returned").
 */

/** Returns ÷ orders above this rate is a high return rate. */
export const HIGH_RETURN_RATE = 0.5;
/**
 * Below this many returns the rate says nothing: a first-time buyer with one order and one
 * return has a rate of 100 %, which is ordinary.
 */
export const MIN_RETURNS_FOR_RATE = 3;
/** Earlier requests rejected by staff (appealed or not) at or above this count fire the signal. */
export const EARLIER_REJECTIONS_THRESHOLD = 1;
/** Earlier requests whose parcel did not match what was declared, at or above this count. */
export const EARLIER_MISMATCHES_THRESHOLD = 1;
/** This request's amount above this multiple of the customer's earlier average is "far above". */
export const AMOUNT_MULTIPLE = 3;
/** An average of fewer earlier requests than this is no baseline. */
export const MIN_EARLIER_FOR_AVERAGE = 2;
/** Small amounts are never "far above": ¥30 after an average of ¥5 is not worth a reviewer's time. */
export const AMOUNT_FLOOR_FEN = 20_000;
/** Other customers sharing a contact datum, at or above this count. */
export const SHARED_CONTACT_THRESHOLD = 1;

/** The contact data that can be shared between customers. */
export const CONTACT_FIELDS = ["phone", "address", "return_tracking"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface RiskFacts {
  /** The customer's orders (all channels). */
  orders: number;
  /**
   * The customer's orders with a return request (this one included, those they cancelled
   * themselves not counted). Orders, not requests: two requests on one order are one returned
   * order, so the rate stays a share of orders and never passes 100%.
   */
  returns: number;
  /** Earlier requests of this customer that staff rejected. */
  earlierRejections: number;
  /** Earlier requests of this customer that failed the warehouse inspection. */
  earlierMismatches: number;
  /** What this request asks for. */
  requestedFen: number;
  /** Requested amounts of the customer's earlier requests (cancelled ones excluded). */
  earlierRequestedFen: readonly number[];
  /** Per contact datum, how many other customers use the same value. */
  sharedContacts: readonly { field: ContactField; otherCustomers: number }[];
}

export const RISK_SIGNALS = ["high_return_rate", "earlier_rejections", "earlier_mismatches", "amount_above_average", "shared_contact"] as const;
export type RiskSignalName = (typeof RISK_SIGNALS)[number];

export type RiskSignal =
  | { name: "high_return_rate"; returns: number; orders: number; rate: number; threshold: number }
  | { name: "earlier_rejections"; count: number }
  | { name: "earlier_mismatches"; count: number }
  /** multiple is null when the earlier average is ¥0 (no ratio to show). */
  | { name: "amount_above_average"; requestedFen: number; averageFen: number; multiple: number | null; threshold: number }
  | { name: "shared_contact"; fields: { field: ContactField; otherCustomers: number }[] };

/** Integer average, rounded half up, so figures stay in whole fen. */
const averageFen = (values: readonly number[]) => Math.round(values.reduce((a, v) => a + v, 0) / values.length);

/** The signals that fired, in the fixed order of RISK_SIGNALS. */
export function riskSignals(f: RiskFacts): RiskSignal[] {
  const out: RiskSignal[] = [];

  // With no orders on record (should not happen: a request needs an order) the rate is undefined, not infinite.
  if (f.orders > 0 && f.returns >= MIN_RETURNS_FOR_RATE) {
    const rate = f.returns / f.orders;
    if (rate > HIGH_RETURN_RATE) out.push({ name: "high_return_rate", returns: f.returns, orders: f.orders, rate, threshold: HIGH_RETURN_RATE });
  }

  if (f.earlierRejections >= EARLIER_REJECTIONS_THRESHOLD) out.push({ name: "earlier_rejections", count: f.earlierRejections });
  if (f.earlierMismatches >= EARLIER_MISMATCHES_THRESHOLD) out.push({ name: "earlier_mismatches", count: f.earlierMismatches });

  if (f.earlierRequestedFen.length >= MIN_EARLIER_FOR_AVERAGE && f.requestedFen >= AMOUNT_FLOOR_FEN) {
    const avg = averageFen(f.earlierRequestedFen);
    // After an average of ¥0 (earlier free gifts) any amount past the floor is far above; there is no ratio to show.
    const multiple = avg === 0 ? null : f.requestedFen / avg;
    if (multiple === null || multiple > AMOUNT_MULTIPLE) out.push({ name: "amount_above_average", requestedFen: f.requestedFen, averageFen: avg, multiple, threshold: AMOUNT_MULTIPLE });
  }

  const shared = f.sharedContacts.filter((c) => c.otherCustomers >= SHARED_CONTACT_THRESHOLD);
  if (shared.length > 0) out.push({ name: "shared_contact", fields: shared.map((c) => ({ ...c })) });

  return out;
}
