import { refundableFen, sumFen } from "../../server/domain/money";
import { decideRouteOverSplits, type ApprovalPolicy, type CountedRequest } from "../../server/domain/policy";
import { firstStatus, type Route } from "../../server/domain/route";
import { transition, type RequestState } from "../../server/domain/state-machine";
import { TERMINAL_STATUSES, type Action, type RejectionCode, type ReturnStatus } from "../../server/domain/vocabulary";
import type { DemoStaffKey } from "../../server/auth/demo-accounts";
import type { SeedLine } from "./orders";
import type { PickedLines } from "./pick-lines";
import type { Prng } from "./prng";
import type { Move, Scenario } from "./scenarios";
import { CARRIER_TRACKING, COMMENTS, REFUND_FAILURES, REJECTIONS } from "./texts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type Who = DemoStaffKey | "customer" | "system";

export interface PlannedStep {
  action: Action;
  by: Who;
  at: Date;
  /** The status the service must answer with; anything else means the seed and the services disagree. */
  expect: ReturnStatus;
  comment: string | null;
  rejectionCode?: RejectionCode;
  shipment?: { carrier: string; trackingNo: string };
  inspection?: "match" | "short_or_used";
  deductionFen?: number;
  failureReason?: string;
}

export interface PlannedRequest {
  scenario: Scenario;
  route: Route;
  first: ReturnStatus;
  submitAt: Date;
  requestedFen: number;
  steps: PlannedStep[];
  /** How routing counts this request with the customer's later ones (value of the goods, categories). */
  counted: CountedRequest;
}

type Draft = Omit<PlannedStep, "at"> & { gapMs: number };

/** How long people take for each action, in hours [min, max]; deadline actions are computed instead. */
const GAP_HOURS: Partial<Record<Action, [number, number]>> = {
  approve: [0.3, 20],
  reject: [0.5, 24],
  request_info: [0.5, 20],
  provide_info: [2, 60],
  appeal: [3, 72],
  cancel: [0.5, 48],
  ship: [3, 60],
  receive: [24, 96],
  accept_full: [1, 30],
  accept_partial: [1, 30],
  approve_refund: [0.5, 20],
  refund: [0.5, 30],
  refund_succeeded: [0.02, 0.5],
  refund_failed: [0.05, 2],
  ship_replacement: [4, 48],
};

/**
 * How long an open request has been sitting in its status when seeding ends (hours). Kept
 * inside the deadlines where a passed deadline would make the timer act at once.
 */
const WAITING_HOURS: Partial<Record<ReturnStatus, [number, number]>> = {
  pending_cs_review: [0.2, 40],
  pending_ops_review: [0.5, 40],
  needs_info: [1, 140],
  rejected: [1, 140],
  awaiting_shipment: [1, 140],
  in_transit: [2, 200],
  inspection_mismatch: [1, 40],
  pending_refund_approval: [1, 100],
  pending_refund: [1, 100],
  refunding: [0.05, 1],
  pending_replacement: [1, 100],
};

const reviewer = (status: ReturnStatus): Who => (status === "pending_cs_review" ? "cs" : "ops");

export interface PlanInput {
  scenario: Scenario;
  picked: PickedLines;
  lines: SeedLine[];
  priorReturns: number;
  /** The customer's earlier requests that still hold their items when this one is filed (routing counts them). */
  counted?: CountedRequest[];
  policy: ApprovalPolicy;
  now: Date;
  /** Finish terminal requests at least this long ago (the frequent returner's older history). */
  endAtLeastMsAgo?: number;
}

/**
 * Decides a request's route exactly as submitReturn will (same policy, same prior-return count,
 * the same earlier requests counted with it),
 * walks the scenario through the domain state machine, and spreads the steps over time so that
 * the last one lands just before `now`. Nothing touches the database here.
 */
export function planRequest(rng: Prng, input: PlanInput): PlannedRequest {
  const { scenario, picked, lines, policy } = input;
  const amountFen = sumFen(picked.returns.map((r) => refundableFen(lines[r.lineIndex]!, 0, r.quantity)));
  const categories = picked.returns.map((r) => ({ code: lines[r.lineIndex]!.sku.category.code, highValue: lines[r.lineIndex]!.sku.category.highValue }));
  const route = decideRouteOverSplits(policy, { type: scenario.type, amountFen, categories, priorReturns: input.priorReturns }, input.counted ?? []);
  const requestedFen = scenario.type === "exchange" ? 0 : amountFen;
  const first = firstStatus(route);
  let state: RequestState = { status: first, type: scenario.type, route, infoReturnStatus: null, appealUsed: false, refundApprovedBy: null, goodsReceived: false };
  const drafts: Draft[] = [];

  const gap = (action: Action) => {
    const [min, max] = GAP_HOURS[action] ?? [1, 24];
    return rng.between(min, max) * HOUR;
  };
  const push = (d: Omit<Draft, "expect">) => {
    const t = transition(state, { action: d.action, role: roleOf(d.by), actorId: d.by, inspectionMatches: d.inspection ? d.inspection === "match" : undefined });
    state = { ...state, ...t.changes, status: t.to };
    drafts.push({ ...d, expect: t.to });
  };

  const opsComments = () =>
    state.appealUsed ? COMMENTS.opsApproveAppeal : drafts.some((d) => d.action === "escalate") ? COMMENTS.opsApproveEscalated : COMMENTS.opsApprove;

  const happy = () => {
    switch (state.status) {
      case "pending_cs_review":
        return push({ action: "approve", by: "cs", gapMs: gap("approve"), comment: rng.chance(0.7) ? rng.pick(COMMENTS.csApprove) : null });
      case "pending_ops_review":
        return push({ action: "approve", by: "ops", gapMs: gap("approve"), comment: rng.pick(opsComments()) });
      case "awaiting_shipment": {
        const [carrier, tracking] = rng.pick(CARRIER_TRACKING);
        return push({ action: "ship", by: "customer", gapMs: gap("ship"), comment: null, shipment: { carrier, trackingNo: tracking((n) => rng.digits(n)) } });
      }
      case "in_transit":
        return push({ action: "receive", by: "warehouse", gapMs: gap("receive"), comment: rng.pick(COMMENTS.receiveOk), inspection: "match" });
      case "inspection_mismatch":
        return push({ action: "accept_full", by: "ops", gapMs: gap("accept_full"), comment: rng.pick(COMMENTS.acceptFull) });
      case "pending_refund_approval":
        return push({ action: "approve_refund", by: "finance", gapMs: gap("approve_refund"), comment: rng.pick(COMMENTS.approveRefund) });
      case "pending_refund": {
        // Four-eyes: whoever approved may not pay; otherwise either finance user pays.
        const by: Who = state.refundApprovedBy === "finance" ? "finance2" : rng.chance(0.7) ? "finance" : "finance2";
        return push({ action: "refund", by, gapMs: gap("refund"), comment: rng.chance(0.5) ? rng.pick(COMMENTS.refund) : null });
      }
      case "refunding":
        return push({ action: "refund_succeeded", by: "system", gapMs: gap("refund_succeeded"), comment: null });
      case "pending_replacement":
        return push({
          action: "ship_replacement",
          by: "warehouse",
          gapMs: gap("ship_replacement"),
          comment: rng.pick(COMMENTS.shipReplacement),
          // Derived from the step count, not drawn from rng: the plans of every other request stay as they were.
          shipment: { carrier: "sf", trackingNo: `SF${String(7_300_000_000 + drafts.length * 7919).padStart(12, "0")}` },
        });
      default:
        throw new Error(`seed plan: no ordinary next action from ${state.status}`);
    }
  };

  const deadlineMs = (status: ReturnStatus) => {
    const d = policy.deadlines;
    const days: Partial<Record<ReturnStatus, number>> = { needs_info: d.customerInfoDays, awaiting_shipment: d.customerShipDays, rejected: d.appealDays };
    return (days[status] ?? 0) * DAY;
  };

  const move = (m: Move) => {
    if (typeof m === "object") {
      for (let guard = 0; state.status !== m.to; guard++) {
        if (guard > 12 || TERMINAL_STATUSES.includes(state.status)) throw new Error(`seed plan: route ${route.stages.join(">")} never reaches ${m.to}`);
        happy();
      }
      return;
    }
    switch (m) {
      case "request_info":
        return push({ action: "request_info", by: reviewer(state.status), gapMs: gap("request_info"), comment: rng.pick(COMMENTS.requestInfo) });
      case "provide_info":
        return push({ action: "provide_info", by: "customer", gapMs: gap("provide_info"), comment: rng.pick(COMMENTS.provideInfo) });
      case "reject": {
        const [rejectionCode, comment] = rng.pick(state.status === "pending_cs_review" ? REJECTIONS.cs : REJECTIONS.ops);
        return push({ action: "reject", by: reviewer(state.status), gapMs: gap("reject"), comment, rejectionCode });
      }
      case "appeal":
        return push({ action: "appeal", by: "customer", gapMs: gap("appeal"), comment: rng.pick(COMMENTS.appeal) });
      case "cancel":
        return push({ action: "cancel", by: "customer", gapMs: gap("cancel"), comment: rng.pick(COMMENTS.cancel) });
      case "escalate":
        // The deadline worker runs every few minutes, so it acts a little after the 48 h mark.
        return push({ action: "escalate", by: "system", gapMs: policy.deadlines.staffReviewHours * HOUR + rng.between(1, 20) * MINUTE, comment: null });
      case "expire":
        return push({ action: "expire", by: "system", gapMs: deadlineMs(state.status) + rng.between(1, 30) * MINUTE, comment: null });
      case "mismatch":
        return push({ action: "receive", by: "warehouse", gapMs: gap("receive"), comment: null, inspection: "short_or_used" });
      case "accept_full":
        return push({ action: "accept_full", by: "ops", gapMs: gap("accept_full"), comment: rng.pick(COMMENTS.acceptFull) });
      case "accept_partial": {
        // A deduction in whole yuan, 10–40 % of the request, never all of it.
        const deductionFen = Math.max(100, Math.floor((requestedFen * rng.between(0.1, 0.4)) / 100) * 100);
        if (deductionFen >= requestedFen) throw new Error("seed plan: request too small for a partial refund");
        return push({ action: "accept_partial", by: "ops", gapMs: gap("accept_partial"), comment: rng.pick(COMMENTS.acceptPartial), deductionFen });
      }
      case "refund_failed":
        return push({ action: "refund_failed", by: "system", gapMs: gap("refund_failed"), comment: null, failureReason: rng.pick(REFUND_FAILURES) });
    }
  };

  scenario.moves.forEach(move);
  if (state.status !== scenario.ends) throw new Error(`seed plan: scenario ends in ${state.status}, expected ${scenario.ends}`);

  const durationMs = drafts.reduce((a, d) => a + d.gapMs, 0);
  const waiting = WAITING_HOURS[state.status];
  const nowMs = input.now.getTime();
  let endMs: number;
  if (waiting) {
    endMs = nowMs - rng.between(waiting[0], waiting[1]) * HOUR;
  } else {
    // Finished requests end somewhere in the last six weeks, and start no earlier than 52 days ago.
    const latest = nowMs - (input.endAtLeastMsAgo ?? HOUR);
    const earliest = Math.min(latest, Math.max(nowMs - 42 * DAY, nowMs - 52 * DAY + durationMs));
    endMs = rng.between(earliest, latest);
  }
  let at = endMs - durationMs;
  const submitAt = new Date(at);
  const steps = drafts.map(({ gapMs, ...d }) => {
    at += gapMs;
    return { ...d, at: new Date(at) };
  });
  return { scenario, route, first, submitAt, requestedFen, steps, counted: { amountFen, categories } };
}

export function roleOf(who: Who) {
  switch (who) {
    case "cs":
      return "customer_service" as const;
    case "ops":
      return "operations_manager" as const;
    case "warehouse":
      return "warehouse" as const;
    case "finance":
    case "finance2":
      return "finance" as const;
    case "admin":
      return "admin" as const;
    case "customer":
      return "customer" as const;
    case "system":
      return "system" as const;
  }
}
