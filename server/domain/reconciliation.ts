import type { StatementLine } from "../payments/refund-gateway";
import type { RefundChannel, RefundStatus } from "./vocabulary";

/**
 * Comparing our refunds for one Beijing calendar day and channel with the gateway's statement
 * for that day (docs/decisions/025-refund-reconciliation.md). Plain data in, differences out.
 */

/** One of our refund records as the comparison needs it. */
export interface OurRefund {
  outRefundNo: string;
  amountFen: number;
  status: RefundStatus;
  succeededAt: Date | null;
  createdAt: Date;
}

export const DIFFERENCE_KINDS = ["missing_at_gateway", "missing_here", "amount_differs", "status_differs", "duplicate_payout", "other_day"] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

/**
 * One difference about one refund number:
 * - missing_at_gateway: we count it as paid, the statement does not list it;
 * - missing_here: the statement pays a number we have no record of;
 * - amount_differs: both list it, with different amounts;
 * - status_differs: we say succeeded and the statement does not, or the statement says paid and we do not;
 * - duplicate_payout: the statement pays one number more than once;
 * - other_day: the statement pays it on this day, we count it on another (so the day totals differ).
 */
export interface Difference {
  kind: DifferenceKind;
  outRefundNo: string;
  ours: { amountFen: number; status: RefundStatus } | null;
  gateway: { amountFen: number; status: string; lines: number } | null;
}

export interface ReconciliationResult {
  /** Sum of our refunds counted as paid on this day (status succeeded). */
  ourTotalFen: number;
  ourCount: number;
  /** Sum of the statement's paid lines (every paid line, duplicates included: that is the money that left). */
  gatewayTotalFen: number;
  gatewayCount: number;
  differences: Difference[];
}

/**
 * The statement's status words that mean the money moved: WeChat's SUCCESS, Alipay's
 * REFUND_SUCCESS / 退款成功 in its bill. Any other word (PROCESSING, CLOSED, ABNORMAL, …) is not paid.
 */
const PAID_WORDS = new Set(["SUCCESS", "REFUND_SUCCESS", "退款成功"]);

export function statementSaysPaid(status: string): boolean {
  return PAID_WORDS.has(status.trim().toUpperCase());
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar day (YYYY-MM-DD) of an instant. China has no daylight saving time: +08:00 all year. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** [start, end) of a Beijing calendar day as instants. */
export function beijingDayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00+08:00`);
  if (Number.isNaN(start.getTime()) || !/^\d{4}-\d{2}-\d{2}$/.test(day) || beijingDay(start) !== day) throw new RangeError(`not a calendar day: ${day}`);
  return { start, end: new Date(start.getTime() + 86_400_000) };
}

/** The days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = beijingDayBounds(to).start.getTime();
  for (let t = beijingDayBounds(from).start.getTime(); t <= end; t += 86_400_000) days.push(beijingDay(new Date(t)));
  return days;
}

/** The day a refund counts on: the day the money moved, or (not paid yet / not at all) the day it was started. */
export function refundDay(r: Pick<OurRefund, "succeededAt" | "createdAt">): string {
  return beijingDay(r.succeededAt ?? r.createdAt);
}

/**
 * Compares our refunds with the statement lines for `day`. `ours` holds our refunds that count on
 * this day plus any of ours the statement names (found by number, whatever their day), so a
 * number we know is never reported as missing here.
 */
export function reconcile(day: string, ours: readonly OurRefund[], statement: readonly StatementLine[]): ReconciliationResult {
  const byNo = new Map(ours.map((r) => [r.outRefundNo, r]));
  const lines = new Map<string, StatementLine[]>();
  for (const line of statement) lines.set(line.outRefundNo, [...(lines.get(line.outRefundNo) ?? []), line]);

  const differences: Difference[] = [];
  const ourSide = (r: OurRefund) => ({ amountFen: r.amountFen, status: r.status });

  for (const r of ours) {
    const found = lines.get(r.outRefundNo) ?? [];
    const paid = found.filter((l) => statementSaysPaid(l.status));
    const onThisDay = refundDay(r) === day;
    if (found.length === 0) {
      if (onThisDay && r.status === "succeeded") differences.push({ kind: "missing_at_gateway", outRefundNo: r.outRefundNo, ours: ourSide(r), gateway: null });
      continue;
    }
    const shown = paid[0] ?? found[0]!;
    const gateway = { amountFen: shown.amountFen, status: shown.status, lines: found.length };
    const weSayPaid = r.status === "succeeded";
    if (weSayPaid !== paid.length > 0) differences.push({ kind: "status_differs", outRefundNo: r.outRefundNo, ours: ourSide(r), gateway });
    if (paid.length > 1) differences.push({ kind: "duplicate_payout", outRefundNo: r.outRefundNo, ours: ourSide(r), gateway: { ...gateway, amountFen: paid.reduce((s, l) => s + l.amountFen, 0) } });
    if (shown.amountFen !== r.amountFen) differences.push({ kind: "amount_differs", outRefundNo: r.outRefundNo, ours: ourSide(r), gateway });
    if (!onThisDay && weSayPaid && paid.length > 0) differences.push({ kind: "other_day", outRefundNo: r.outRefundNo, ours: ourSide(r), gateway });
  }

  for (const [no, found] of lines) {
    if (byNo.has(no)) continue;
    const paid = found.filter((l) => statementSaysPaid(l.status));
    const shown = paid[0] ?? found[0]!;
    // An unpaid line (a refund the gateway closed) for a number we never made moved no money; still worth a look.
    differences.push({ kind: "missing_here", outRefundNo: no, ours: null, gateway: { amountFen: shown.amountFen, status: shown.status, lines: found.length } });
    if (paid.length > 1) differences.push({ kind: "duplicate_payout", outRefundNo: no, ours: null, gateway: { amountFen: paid.reduce((s, l) => s + l.amountFen, 0), status: shown.status, lines: found.length } });
  }

  const counted = ours.filter((r) => r.status === "succeeded" && refundDay(r) === day);
  const paidLines = statement.filter((l) => statementSaysPaid(l.status));
  return {
    ourTotalFen: counted.reduce((s, r) => s + r.amountFen, 0),
    ourCount: counted.length,
    gatewayTotalFen: paidLines.reduce((s, l) => s + l.amountFen, 0),
    gatewayCount: paidLines.length,
    differences: differences.sort((a, b) => a.outRefundNo.localeCompare(b.outRefundNo) || DIFFERENCE_KINDS.indexOf(a.kind) - DIFFERENCE_KINDS.indexOf(b.kind)),
  };
}

/** Channels whose gateway offers a statement to compare with; offline and platform refunds have none here. */
export function hasStatement(channel: RefundChannel): channel is "alipay" | "wechat_pay" {
  return channel === "alipay" || channel === "wechat_pay";
}
