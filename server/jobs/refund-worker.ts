import type { PgBoss } from "pg-boss";
import type { Db } from "../../db/client";
import type { GatewayAnswer, GatewayChannel, RefundGateway } from "../payments/refund-gateway";
import type { GatewayRegistry } from "../payments/registry";
import { claimDueCheck, dueRefunds, refundToSend, type RefundToSend } from "../services/data/refunds";
import { recordGatewayAnswer, type Recorded } from "../services/refunds/record-answer";
import { errorText, loggerFor } from "../log/logger";
import { runJob } from "./job-context";
import { workerBoss } from "./boss";
import { QUEUES, type RefundExecuteJob } from "./queues";

const refundLog = loggerFor("refunds");

/** What the worker needs besides the database. */
export interface RefundWorkerDeps {
  db: Db;
  gateways: GatewayRegistry;
  /** Public origin the gateways send notifications to (PAYMENT_NOTIFY_BASE_URL). */
  notifyBaseUrl: string;
}

/** The notification route of each gateway (app/api/payments/[channel]/notify/route.ts). */
export const NOTIFY_PATH: Record<GatewayChannel, string> = { alipay: "/api/payments/alipay/notify", wechat_pay: "/api/payments/wechat-pay/notify" };

const LIVE = new Set(["pending", "processing"]);

/** How long a reconciler pass holds a refund it is asking about before another pass may. */
const CHECK_LEASE_MS = 2 * 60_000;

/** An adapter that throws (it should not) counts as no answer: the reconciler asks again. */
async function ask(call: () => Promise<GatewayAnswer>): Promise<GatewayAnswer> {
  try {
    return await call();
  } catch (e) {
    return { state: "unknown", code: "ADAPTER_ERROR", message: e instanceof Error ? e.message.slice(0, 200) : "adapter error" };
  }
}

function startOf(gateway: RefundGateway, r: RefundToSend, notifyBaseUrl: string) {
  return ask(() =>
    gateway.start({
      outRefundNo: r.outRefundNo,
      orderNo: r.orderNo,
      gatewayTxnId: r.gatewayTxnId,
      amountFen: r.amountFen,
      totalPaidFen: r.totalPaidFen,
      reason: `退换货 ${r.rmaNo}`,
      notifyUrl: new URL(NOTIFY_PATH[gateway.channel], notifyBaseUrl).toString(),
    }),
  );
}

/**
 * refund.execute: sends one refund to its gateway with its stored number and records the
 * answer. A refund that is final already (a notification came first, or a duplicate job) is left
 * alone; so is one whose gateway is not configured on this worker (the reconciler retries it).
 */
export async function executeRefund(deps: RefundWorkerDeps, refundId: string, now = () => new Date()): Promise<Recorded | null> {
  const refund = await refundToSend(deps.db.$client, refundId);
  if (!refund || !LIVE.has(refund.status)) return null;
  const gateway = deps.gateways.get(refund.channel);
  if (!gateway) return null;
  const answer = await startOf(gateway, refund, deps.notifyBaseUrl);
  return recordGatewayAnswer(deps.db, refund.id, answer, { call: true, now: now() });
}

/**
 * One reconciler check of a due refund: query the gateway; if it never saw the refund (the start
 * timed out before it arrived, or the worker died first — a query answers `refused`), start it
 * again with the SAME number, which the gateway pays at most once.
 */
export async function checkRefund(deps: RefundWorkerDeps, refundId: string, now = () => new Date()): Promise<Recorded | null> {
  const at = now();
  if (!(await claimDueCheck(deps.db.$client, refundId, at, new Date(at.getTime() + CHECK_LEASE_MS)))) return null;
  const refund = await refundToSend(deps.db.$client, refundId);
  const gateway = refund && deps.gateways.get(refund.channel);
  if (!refund || !gateway) return null;
  let answer = await ask(() => gateway.query({ outRefundNo: refund.outRefundNo, orderNo: refund.orderNo, gatewayTxnId: refund.gatewayTxnId }));
  if (answer.state === "refused") {
    await recordGatewayAnswer(deps.db, refund.id, { state: "unknown", code: answer.code, message: `query: ${answer.message}` }, { call: true, now: now() });
    answer = await startOf(gateway, refund, deps.notifyBaseUrl);
  }
  return recordGatewayAnswer(deps.db, refund.id, answer, { call: true, now: now() });
}

/** refund.reconcile: every live gateway refund whose next check is due. Returns how many were checked. */
export async function reconcileDue(deps: RefundWorkerDeps, now = () => new Date(), limit = 200): Promise<number> {
  const due = await dueRefunds(deps.db.$client, now(), limit);
  for (const id of due) await checkRefund(deps, id, now);
  return due.length;
}

/**
 * Runs the queued refund.execute jobs there are now, then one reconcile pass: for tests and
 * scripts that need the flow to finish without a worker process. Returns the jobs run.
 */
export async function runRefundJobsOnce(deps: RefundWorkerDeps & { boss: PgBoss }, now = () => new Date()): Promise<number> {
  let ran = 0;
  for (;;) {
    const jobs = await deps.boss.fetch<RefundExecuteJob>(QUEUES.refundExecute, { batchSize: 20 });
    if (jobs.length === 0) break;
    for (const job of jobs) {
      await executeRefund(deps, job.data.refundId, now);
      await deps.boss.complete(QUEUES.refundExecute, job.id);
      ran++;
    }
  }
  await reconcileDue(deps, now);
  return ran;
}

export interface RefundWorkerOptions {
  /** How often an idle worker looks for refund.execute jobs (pg-boss polling; ≥ 0.5). */
  pollingIntervalSeconds?: number;
  /** How often jobs whose worker died are noticed and retried (pg-boss supervision). */
  superviseIntervalSeconds?: number;
  /** Reconcile by cron every minute (default) or by this interval (tests). */
  reconcileEveryMs?: number;
}

/**
 * The refund worker inside a worker process (scripts/worker.ts): works refund.execute jobs, and
 * reconciles due refunds every minute (pg-boss cron on refund.reconcile: one pass at a time
 * across every worker process). Returns stop.
 *
 * Here pg-boss gets a small pool of its own (node-postgres, from the same URL, as the same role):
 * its supervisor and cron run their own transactions, which a shared postgres-js pool refuses.
 * It still never migrates (the owner did, at migrate time).
 */
export async function startRefundWorker(databaseUrl: string, deps: RefundWorkerDeps, options: RefundWorkerOptions = {}): Promise<() => Promise<void>> {
  const boss = workerBoss(databaseUrl, { max: 3, schedule: options.reconcileEveryMs === undefined, superviseIntervalSeconds: options.superviseIntervalSeconds });
  boss.on("error", (e: unknown) => refundLog.error({ error: errorText(e) }, "job queue error"));
  await boss.start();
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work<RefundExecuteJob>(QUEUES.refundExecute, { ...polling, batchSize: 1 }, async ([job]) => {
    if (!job) return;
    // In the context of the request that queued the refund: its log lines carry that request's id.
    await runJob(QUEUES.refundExecute, job, async () => {
      const recorded = await executeRefund(deps, job.data.refundId);
      if (recorded) refundLog.info({ refundId: job.data.refundId, effect: recorded.effect, status: recorded.status }, "refund answer recorded");
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const reconcile = async () => {
    const n = await reconcileDue(deps);
    if (n) refundLog.info({ checked: n }, "reconciled due refunds");
  };
  if (options.reconcileEveryMs === undefined) {
    await boss.work(QUEUES.refundReconcile, polling, async ([job]) => (job ? runJob(QUEUES.refundReconcile, job, reconcile) : reconcile()));
    await boss.schedule(QUEUES.refundReconcile, "* * * * *");
  } else {
    let running = false;
    timer = setInterval(() => {
      if (running) return;
      running = true;
      reconcile()
        .catch((e: unknown) => refundLog.error({ error: errorText(e) }, "reconcile failed"))
        .finally(() => (running = false));
    }, options.reconcileEveryMs);
  }
  return async () => {
    if (timer) clearInterval(timer);
    await boss.stop({ graceful: true, timeout: 10_000 });
  };
}
