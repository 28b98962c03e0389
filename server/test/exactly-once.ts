import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { orders, refunds } from "../../db/schema";
import type { FaultMode } from "../../scripts/sandboxes/pay-faults";
import type { GatewayChannel } from "../payments/refund-gateway";
import type { staffCaller } from "./fixtures";
import { paidByNumber, type PaySandboxControl } from "./pay-sandbox";
import { refundStorm, waitingRequests, type StormReport, type WaitingRequest } from "./refund-storm";

type FinanceUser = Awaited<ReturnType<typeof staffCaller>>;
type FinanceCaller = FinanceUser["caller"];
type RefundRow = typeof refunds.$inferSelect;

/** What a refund matrix run needs from the refund flow (server/test/refund-flow.ts provides it). */
export interface FlowUnderTest {
  db: Db;
  sandbox: PaySandboxControl;
  /** A finance user whose requests reach the gateways under test (the app's registry from the sandbox's env). */
  finance: () => Promise<FinanceUser>;
  /** Finance's "execute refund" on a request. */
  execute: (caller: FinanceCaller, req: WaitingRequest, version: number) => Promise<unknown>;
  /** Finance acting on a refund that did not pay: retry (failed, closed: a new number) or record it paid offline (abnormal). */
  retry: (fin: FinanceUser, refund: RefundRow) => Promise<unknown>;
  /** Runs the worker and the reconciler until every refund of `requestIds` is final (bounded). */
  settle: (requestIds: string[]) => Promise<void>;
}

export interface ExactlyOnceFigures {
  gateway: GatewayChannel;
  mode: FaultMode;
  requests: number;
  storm: StormReport;
  /** Refund records by final status (retries after closed/abnormal included). */
  refundsByStatus: Record<string, number>;
  /** Payouts in the sandbox's ledger for these requests (must equal `requests`). */
  payouts: number;
  /** Gateway calls the sandbox saw for these refund numbers (retries of one number included). */
  gatewayRequests: number;
  /** Refunds finance had to act on (retry after failed/closed, offline after abnormal). */
  retriedByFinance: number;
  ms: number;
}

export interface ExactlyOnceViolations {
  /** Requests the sandbox paid more than once, or for another amount. */
  paidWrong: { rmaNo: string; payouts: number; amountsFen: number[]; expectedFen: number }[];
  /** Refund records not in a final state. */
  notFinal: { outRefundNo: string; status: string }[];
  /** Our records and the ledger disagree (succeeded here but not paid there, or the reverse). */
  ledgerDisagrees: { outRefundNo: string; ours: string; sandbox: string | null }[];
  /** Orders whose refunded_fen is not the sum of their succeeded refunds. */
  refundedMismatch: { orderNo: string; refundedFen: number; succeededFen: number }[];
}

const FINAL = new Set(["succeeded", "failed", "closed"]);

/**
 * One cell of the exactly-once matrix (issue 8, "Reliability bars"): `n` requests waiting for
 * finance, the sandbox armed with `mode` on each request's first refund number, `perRequest`
 * concurrent "execute refund" calls per request from two finance users, then the worker and
 * reconciler until every refund is final (finance retrying those the gateway closed or could
 * not pay). The sandbox's own ledger is the judge of how often money moved.
 */
export async function runExactlyOnce(
  flow: FlowUnderTest,
  c: { gateway: GatewayChannel; mode: FaultMode; n: number; perRequest?: number },
): Promise<{ figures: ExactlyOnceFigures; violations: ExactlyOnceViolations }> {
  const { db, sandbox } = flow;
  const requests = await waitingRequests(flow.db, c.n, c.gateway);
  const fins = [await flow.finance(), await flow.finance()];
  for (const r of requests) await sandbox.arm({ mode: c.mode, outRefundNo: firstRefundNo(r.rmaNo), times: faultTimes(c.mode), delaySeconds: 2 });
  const ids = requests.map((r) => r.requestId);

  const started = Date.now();
  const storm = await refundStorm(
    requests,
    fins.map((f) => f.caller),
    flow.execute,
    c.perRequest ?? 10,
  );
  await flow.settle(ids);
  // The gateway closed these numbers, could not pay them (abnormal) or refused them: finance
  // retries under a new number, or records the offline payment (abnormal), from the refund panel.
  let retriedByFinance = 0;
  for (let round = 0; round < 3; round++) {
    const rows = await db.select().from(refunds).where(inArray(refunds.requestId, ids));
    const needAction = ids.flatMap((id) => {
      const mine = rows.filter((f) => f.requestId === id).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const latest = mine.at(-1);
      const settled = mine.some((f) => f.status === "succeeded");
      return latest && !settled && ["failed", "closed", "abnormal"].includes(latest.status) ? [latest] : [];
    });
    if (needAction.length === 0) break;
    for (const f of needAction) await flow.retry(fins[retriedByFinance++ % 2]!, f);
    await flow.settle(ids);
  }
  const ms = Date.now() - started;

  const rows = await db.select().from(refunds).where(inArray(refunds.requestId, ids));
  const ledger = (await sandbox.ledger()).filter((e) => rows.some((f) => f.outRefundNo === e.outRefundNo));
  const paid = paidByNumber(ledger);
  const violations: ExactlyOnceViolations = { paidWrong: [], notFinal: [], ledgerDisagrees: [], refundedMismatch: [] };
  for (const r of requests) {
    const mine = rows.filter((f) => f.requestId === r.requestId);
    // Money moved: a payout in the sandbox's ledger, or finance's recorded offline payment (after abnormal).
    const payouts = [
      ...mine.flatMap((f) => (paid.get(f.outRefundNo) ?? []).map((e) => e.amountFen)),
      ...mine.filter((f) => f.channel === "offline" && f.status === "succeeded").map((f) => f.amountFen),
    ];
    if (payouts.length !== 1 || payouts[0] !== r.amountFen) violations.paidWrong.push({ rmaNo: r.rmaNo, payouts: payouts.length, amountsFen: payouts, expectedFen: r.amountFen });
  }
  for (const f of rows) {
    if (!FINAL.has(f.status)) violations.notFinal.push({ outRefundNo: f.outRefundNo, status: f.status });
    if (f.channel === "offline") continue;
    const entry = ledger.find((e) => e.outRefundNo === f.outRefundNo);
    if ((f.status === "succeeded") !== (entry?.status === "SUCCESS")) violations.ledgerDisagrees.push({ outRefundNo: f.outRefundNo, ours: f.status, sandbox: entry?.status ?? null });
  }
  const orderRows = await db.select().from(orders).where(inArray(orders.id, [...new Set(rows.map((f) => f.orderId))]));
  for (const o of orderRows) {
    const succeededFen = rows.filter((f) => f.orderId === o.id && f.status === "succeeded").reduce((a, f) => a + f.amountFen, 0);
    if (o.refundedFen !== succeededFen) violations.refundedMismatch.push({ orderNo: o.orderNo, refundedFen: o.refundedFen, succeededFen });
  }
  const refundsByStatus: Record<string, number> = {};
  for (const f of rows) refundsByStatus[f.status] = (refundsByStatus[f.status] ?? 0) + 1;
  return {
    figures: {
      gateway: c.gateway,
      mode: c.mode,
      requests: requests.length,
      storm,
      refundsByStatus,
      payouts: [...paid.values()].reduce((a, p) => a + p.length, 0),
      gatewayRequests: ledger.reduce((a, e) => a + e.requests, 0),
      retriedByFinance,
      ms,
    },
    violations,
  };
}

/** The merchant refund number of a request's first refund record (`RF<rmaNo>-1`, brief contract). */
export function firstRefundNo(rmaNo: string): string {
  return `RF${rmaNo}-1`;
}

/** How many calls the fault holds for: PROCESSING for the call and two queries; the others once. */
function faultTimes(mode: FaultMode): number {
  return mode === "processing_for_a_while" ? 3 : 1;
}
