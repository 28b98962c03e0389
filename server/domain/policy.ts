import { DEFAULT_EVIDENCE, type EvidenceRules } from "./evidence";
import { normaliseStages, type Route } from "./route";
import { DEFAULT_EXCHANGE_OUT_OF_STOCK, type ExchangeOutOfStock } from "./exchange-out-of-stock";
import { DEFAULT_TIMEOUTS, isTimedStatus, timeoutOutcome, timeoutRule, timeoutsFromLegacy, type TimeoutOutcome, type TimeoutRules } from "./timeouts";
import type { ItemCondition, ReturnStatus, ReturnType, Stage } from "./vocabulary";

/** All fields present must hold for a rule to match. */
export interface PolicyCondition {
  amountAboveFen?: number;
  anyCategoryHighValue?: boolean;
  categoryIn?: string[];
  typeIn?: ReturnType[];
  /** The customer's requests within `historyWindowDays` before this one. */
  priorReturnsAtLeast?: number;
}

/** Stages a rule may add on top of the type's base route. */
export const OPTIONAL_STAGES = ["ops_review", "refund_approval"] as const;
export type OptionalStage = (typeof OPTIONAL_STAGES)[number];

export interface PolicyRule {
  id: string;
  description: string;
  when: PolicyCondition;
  addStages: OptionalStage[];
}

export interface Deadlines {
  staffReviewHours: number;
  customerInfoDays: number;
  customerShipDays: number;
  warehouseConfirmDays: number;
  refundDays: number;
  appealDays: number;
}

/** Policies stored before per-stage timeouts had only this, for customer service's review ("none": nothing happened). */
export type CsReviewTimeout = "escalate" | "none";

export interface ApprovalPolicy {
  rules: PolicyRule[];
  historyWindowDays: number;
  deadlines: Deadlines;
  /** What happens when each stage's deadline passes (server/domain/timeouts.ts); a status left out has its default. */
  timeouts?: TimeoutRules;
  /** Read once, from policies stored before `timeouts` (upgradeStoredPolicy); never written any more. */
  csReviewTimeout?: CsReviewTimeout;
  /** Which reasons customers may give, which need photos, how many photos. */
  evidence: EvidenceRules;
  /** Customer service may approve many requests at once only up to this refund (fen). Unset: BULK_APPROVE_MAX_FEN. */
  bulkApproveMaxFen?: number;
  /** Who turns an exchange whose replacement ran out into a refund (decision 030). Unset: the customer. */
  exchangeOutOfStock?: ExchangeOutOfStock;
  /** The conditions a received unit may be in and still count as arrived as declared. Unset: DEFAULT_ACCEPTABLE_CONDITIONS. */
  acceptableConditions?: ItemCondition[];
}

/** The bulk approval ceiling when the policy sets none: ¥200, the default ops-review threshold. */
export const BULK_APPROVE_MAX_FEN = 200_00;

export const bulkApproveLimit = (policy: ApprovalPolicy): number => policy.bulkApproveMaxFen ?? BULK_APPROVE_MAX_FEN;

/** Inspection's acceptable conditions when the policy sets none (policies stored before the setting lack it). */
export const DEFAULT_ACCEPTABLE_CONDITIONS: readonly ItemCondition[] = ["as_new", "opened"];

export const acceptableConditions = (policy: ApprovalPolicy): readonly ItemCondition[] => policy.acceptableConditions ?? DEFAULT_ACCEPTABLE_CONDITIONS;

/** The default policy of docs/product-rules.md. Amounts in fen. */
export const DEFAULT_POLICY: ApprovalPolicy = {
  rules: [
    { id: "amount-over-200", description: "退款金额超过 ¥200 需运营主管复核", when: { amountAboveFen: 200_00 }, addStages: ["ops_review"] },
    { id: "high-value-category", description: "高价值品类（数码、珠宝等）需运营主管复核", when: { anyCategoryHighValue: true }, addStages: ["ops_review"] },
    { id: "frequent-returner", description: "90 天内已有 5 次以上退换货的客户需运营主管复核", when: { priorReturnsAtLeast: 5 }, addStages: ["ops_review"] },
    { id: "four-eyes-over-2000", description: "退款金额超过 ¥2000 需第二位财务审批", when: { amountAboveFen: 2000_00 }, addStages: ["refund_approval"] },
  ],
  historyWindowDays: 90,
  deadlines: { staffReviewHours: 48, customerInfoDays: 7, customerShipDays: 7, warehouseConfirmDays: 10, refundDays: 7, appealDays: 7 },
  timeouts: DEFAULT_TIMEOUTS,
  evidence: DEFAULT_EVIDENCE,
  exchangeOutOfStock: DEFAULT_EXCHANGE_OUT_OF_STOCK,
};

export interface RoutingInput {
  type: ReturnType;
  amountFen: number;
  categories: { code: string; highValue: boolean }[];
  priorReturns: number;
}

const BASE_STAGES: Record<ReturnType, Stage[]> = {
  refund_only: ["cs_review", "refund"],
  return_refund: ["cs_review", "customer_shipment", "warehouse_inspection", "refund"],
  exchange: ["cs_review", "customer_shipment", "warehouse_inspection", "replacement"],
};

export function ruleMatches(when: PolicyCondition, input: RoutingInput): boolean {
  if (when.amountAboveFen !== undefined && !(input.amountFen > when.amountAboveFen)) return false;
  if (when.anyCategoryHighValue !== undefined && input.categories.some((c) => c.highValue) !== when.anyCategoryHighValue) return false;
  if (when.categoryIn && !input.categories.some((c) => when.categoryIn!.includes(c.code))) return false;
  if (when.typeIn && !when.typeIn.includes(input.type)) return false;
  if (when.priorReturnsAtLeast !== undefined && input.priorReturns < when.priorReturnsAtLeast) return false;
  return true;
}

/** Decides the route of a new request. Refund approval only applies where money is refunded. */
export function decideRoute(policy: ApprovalPolicy, input: RoutingInput): Route {
  const stages = new Set<Stage>(BASE_STAGES[input.type]);
  const matchedRules: string[] = [];
  for (const rule of policy.rules) {
    if (!ruleMatches(rule.when, input)) continue;
    const added = rule.addStages.filter((s) => s !== "refund_approval" || stages.has("refund"));
    if (added.length === 0) continue;
    matchedRules.push(rule.id);
    added.forEach((s) => stages.add(s));
  }
  return { stages: normaliseStages(stages), matchedRules };
}

/** Another request routing counts with a new one: its amount and the categories of its lines. */
export interface CountedRequest {
  amountFen: number;
  categories: { code: string; highValue: boolean }[];
}

/**
 * The route of a new request filed after `others`: the requests of the same order, and of the
 * same customer within the policy's history window, that still hold their items (open, or
 * finished and refunded). The request gets every stage it would get alone, plus every stage the
 * whole would get as one request of this type (amounts added up, categories joined), so splitting
 * a return into smaller requests never avoids a stage (docs/product-rules.md, decision 017).
 * The request that brings the whole over a threshold carries the stage; earlier ones keep the
 * route they were given (decision 004).
 */
export function decideRouteOverSplits(policy: ApprovalPolicy, input: RoutingInput, others: readonly CountedRequest[]): Route {
  const alone = decideRoute(policy, input);
  if (others.length === 0) return alone;
  const categories = new Map(input.categories.map((c) => [c.code, c]));
  for (const o of others) for (const c of o.categories) if (!categories.has(c.code)) categories.set(c.code, c);
  const amountFen = input.amountFen + others.reduce((sum, o) => sum + o.amountFen, 0);
  const whole = decideRoute(policy, { ...input, amountFen, categories: [...categories.values()] });
  const stages = normaliseStages([...alone.stages, ...whole.stages]);
  if (stages.length === alone.stages.length) return alone;
  const matchedRules = [...new Set([...alone.matchedRules, ...whole.matchedRules])];
  return { stages, matchedRules, counted: { requests: others.length + 1, amountFen } };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** When the request must have left `status`, by the policy it was submitted under. Null: no clock runs. */
export function deadlineFor(status: ReturnStatus, policy: ApprovalPolicy, from: Date): Date | null {
  const d = policy.deadlines;
  const ms: Partial<Record<ReturnStatus, number>> = {
    pending_cs_review: d.staffReviewHours * HOUR,
    pending_ops_review: d.staffReviewHours * HOUR,
    inspection_mismatch: d.staffReviewHours * HOUR,
    needs_info: d.customerInfoDays * DAY,
    awaiting_shipment: d.customerShipDays * DAY,
    in_transit: d.warehouseConfirmDays * DAY,
    pending_refund_approval: d.refundDays * DAY,
    pending_refund: d.refundDays * DAY,
    pending_replacement: d.refundDays * DAY,
    rejected: d.appealDays * DAY,
  };
  const span = ms[status];
  return span === undefined ? null : new Date(from.getTime() + span);
}

const REFUND_STATUSES: readonly ReturnStatus[] = ["pending_refund_approval", "pending_refund", "refunding"];

/**
 * The deadline after a transition. The refund clock (PRC consumer law: pay within 7 days) starts
 * once when the refund stages are entered; a four-eyes approval or a failed gateway attempt
 * does not restart it.
 */
export function nextDeadline(from: ReturnStatus, to: ReturnStatus, policy: ApprovalPolicy, now: Date, current: Date | null): Date | null {
  if (REFUND_STATUSES.includes(from) && REFUND_STATUSES.includes(to)) return current;
  // A step that keeps the status (an exchange converted to a refund in review) keeps its clock.
  if (from === to) return current;
  return deadlineFor(to, policy, now);
}

/**
 * A stored policy as the code reads it: sections added later take their defaults, and a policy
 * from before per-stage timeouts has its `csReviewTimeout` turned into them (read once, here).
 */
export function upgradeStoredPolicy(stored: ApprovalPolicy): ApprovalPolicy {
  const { csReviewTimeout, ...rest } = stored;
  return { ...DEFAULT_POLICY, ...rest, timeouts: { ...timeoutsFromLegacy(csReviewTimeout), ...rest.timeouts } };
}

/**
 * What the deadline of `status` does when it passes, by the request's policy. Null: the status
 * has no deadline (terminal ones).
 */
export function deadlineOutcome(status: ReturnStatus, policy: ApprovalPolicy, request: { requestedRefundFen: number }): TimeoutOutcome | null {
  if (!isTimedStatus(status)) return null;
  return timeoutOutcome(status, timeoutRule(status, policy.timeouts), request, bulkApproveLimit(policy));
}
