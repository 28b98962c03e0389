import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { orders } from "../../db/schema";
import type { GatewayChannel } from "../payments/refund-gateway";
import { appCodeOf, makeOrder, staffCaller, submitFor, type Made } from "./fixtures";

/** One request approved by customer service and waiting for finance (pending_refund). */
export interface WaitingRequest {
  made: Made;
  requestId: string;
  rmaNo: string;
  amountFen: number;
  read: Awaited<ReturnType<typeof submitFor>>["read"];
}

/**
 * `n` refund-only requests, each on its own own-shop order paid through `method`, approved by
 * customer service: what finance sees in its queue. Amounts differ per request (so a payout
 * booked on the wrong request shows in the sums).
 */
export async function waitingRequests(db: Db, n: number, method: GatewayChannel, priceFen = (i: number) => 10_00 + i * 37): Promise<WaitingRequest[]> {
  const cs = await staffCaller(db, "customer_service");
  const out: WaitingRequest[] = [];
  for (let i = 0; i < n; i++) {
    const made = await makeOrder(db, [{ priceFen: priceFen(i) }]);
    await db.update(orders).set({ paymentMethod: method }).where(eq(orders.id, made.order.id));
    made.order.paymentMethod = method;
    const s = await submitFor(db, made, "refund_only");
    await cs.caller.staff.approve({ requestId: s.res.id, version: (await s.read()).version });
    const r = await s.read();
    if (r.status !== "pending_refund") throw new Error(`request ${s.res.rmaNo} is ${r.status}, not pending_refund`);
    out.push({ made, requestId: s.res.id, rmaNo: s.res.rmaNo, amountFen: priceFen(i), read: s.read });
  }
  return out;
}

type FinanceCaller = Awaited<ReturnType<typeof staffCaller>>["caller"];

/** How one "execute refund" call ended: accepted, or refused with a code a person can read. */
export type CallOutcome = { ok: true } | { ok: false; code: string; appCode: string | null } | { ok: false; unexpected: string };

export interface StormReport {
  calls: number;
  accepted: number;
  /** Refusals by `TRPC code/app code`, e.g. CONFLICT/version_conflict. */
  refusals: Record<string, number>;
  /** Anything that was not a clean refusal (a 500, a crash): must stay empty. */
  unexpected: string[];
}

/**
 * Fires `perRequest` concurrent "execute refund" calls at every request at once, the ways they
 * happen in a shop: a finance user double-clicking (the same version twice or more), a second
 * finance user pressing at the same moment, and retries that re-read the request first (a
 * browser retry after a timeout, or the user pressing again after a refusal).
 */
export async function refundStorm(
  requests: WaitingRequest[],
  fins: FinanceCaller[],
  execute: (caller: FinanceCaller, req: WaitingRequest, version: number) => Promise<unknown>,
  perRequest = 10,
): Promise<StormReport> {
  const calls: Promise<CallOutcome>[] = [];
  for (const req of requests) {
    const { version } = await req.read();
    for (let k = 0; k < perRequest; k++) {
      const caller = fins[k % fins.length]!;
      // Every third call is a retry: it reads the request again before pressing.
      const retry = k % 3 === 2;
      calls.push(
        (async () => {
          const v = retry ? (await req.read()).version : version;
          return outcomeOf(execute(caller, req, v));
        })(),
      );
    }
  }
  const outcomes = await Promise.all(calls);
  const report: StormReport = { calls: outcomes.length, accepted: 0, refusals: {}, unexpected: [] };
  for (const o of outcomes) {
    if (o.ok) report.accepted++;
    else if ("unexpected" in o) report.unexpected.push(o.unexpected);
    else report.refusals[`${o.code}/${o.appCode}`] = (report.refusals[`${o.code}/${o.appCode}`] ?? 0) + 1;
  }
  return report;
}

async function outcomeOf(call: Promise<unknown>): Promise<CallOutcome> {
  try {
    await call;
    return { ok: true };
  } catch (e) {
    if (e instanceof TRPCError && e.code !== "INTERNAL_SERVER_ERROR") return { ok: false, code: e.code, appCode: appCodeOf(e) };
    return { ok: false, unexpected: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}
