import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { refundReceipts, refunds, returnRequests } from "../../db/schema";
import { envFrom } from "../env";
import { handlePaymentNotification } from "../api/payment-notify";
import type { GatewayChannel } from "../payments/refund-gateway";
import { gatewayRegistry, type GatewayRegistry } from "../payments/registry";
import type { FlowUnderTest } from "./exactly-once";
import { createCaller } from "../api/root";
import { bossOver, enqueueInTransaction, type JobSender } from "../jobs/boss";
import { makeStaff, testContext, type staffCaller } from "./fixtures";
import { startNotifyRelay, type NotifyRelay } from "./notify-relay";
import { startPaySandbox, type RunningPaySandbox } from "./pay-sandboxes";
import { pollUntil } from "./poll";
import type { WaitingRequest } from "./refund-storm";
import { startWorkerProcess, type WorkerProcess } from "./worker-process";

type FinanceCaller = Awaited<ReturnType<typeof staffCaller>>["caller"];
type RefundRow = typeof refunds.$inferSelect;

/** Refund statuses the worker and reconciler still have to move (abnormal waits for a person). */
const MOVING = new Set(["pending", "processing"]);

/**
 * The refund flow's entry points as the reliability tests drive them, in one place: finance's
 * "execute refund" (the tRPC procedure the request screen calls).
 */
export function executeRefund(caller: FinanceCaller, req: Pick<WaitingRequest, "requestId">, version: number) {
  return caller.staff.refund({ requestId: req.requestId, version });
}

/** Finance acts on a refund that did not pay, from the refund panel: retry it, or record the offline payment after ABNORMAL. */
export async function financeActsOn(db: Db, caller: FinanceCaller, staffId: string, refund: RefundRow, version: number) {
  if (refund.status === "abnormal") {
    // The receipt image went through the upload pipeline in its own tests; here its row is enough.
    const [receipt] = await db
      .insert(refundReceipts)
      .values({ uploadedBy: staffId, storageKey: `receipts/${refund.id}`, thumbnailKey: `receipts/${refund.id}-t`, contentType: "image/jpeg", bytes: 1, width: 1, height: 1, sha256: "0" })
      .returning();
    return caller.refunds.recordOffline({ requestId: refund.requestId, version, reference: `BANK-${refund.outRefundNo}`, method: "bank_transfer", receiptId: receipt!.id });
  }
  return caller.refunds.retry({ requestId: refund.requestId, version, refundId: refund.id });
}

export interface RefundWorld {
  flow: FlowUnderTest;
  sandbox: RunningPaySandbox;
  relay: NotifyRelay;
  /** The env the worker process runs with (database, sandbox, short reconcile intervals). */
  workerEnv: Record<string, string>;
  worker: () => WorkerProcess;
  restartWorker(): Promise<WorkerProcess>;
  stop(): Promise<void>;
}

/**
 * Waits (bounded) until no refund of `requestIds` is pending or processing. The reconciler's
 * schedule is minutes long (1, 5, 10… min): each round the refunds' next check is brought
 * forward to now — time passing, not a different code path — so the worker's reconciler asks.
 */
export async function refundsSettled(db: Db, requestIds: string[], timeoutMs = 120_000) {
  await pollUntil(
    "every refund final",
    async () => {
      await db
        .update(refunds)
        .set({ nextCheckAt: sql`now()` })
        .where(and(inArray(refunds.requestId, requestIds), inArray(refunds.status, ["pending", "processing"]), sql`${refunds.nextCheckAt} > now()`));
      const rows = await db.select({ status: refunds.status }).from(refunds).where(inArray(refunds.requestId, requestIds));
      return rows.length > 0 && rows.every((r) => !MOVING.has(r.status)) ? true : undefined;
    },
    {
      timeoutMs,
      everyMs: 250,
      describe: async () =>
        (await db.select({ no: refunds.outRefundNo, status: refunds.status, lastAnswer: refunds.lastAnswer }).from(refunds).where(inArray(refunds.requestId, requestIds))).filter((r) =>
          MOVING.has(r.status),
        ),
    },
  );
}

/**
 * Everything a refund needs around the app code under test: the gateway's sandbox process, a
 * public origin for its notifications (the relay, handing them to the route's handler), and the
 * worker as its own process with short reconcile intervals.
 */
export async function startRefundWorld(database: { db: Db; url: string }, gateway: GatewayChannel, opts: { workerEnv?: Record<string, string> } = {}): Promise<RefundWorld> {
  const sandbox = await startPaySandbox(gateway);
  const gateways = gatewayRegistry(envFrom({ ...sandbox.env, ...opts.workerEnv }));
  const relay = await startNotifyRelay(notificationRoutes(database.db, gateways));
  const workerEnv = { DATABASE_URL: database.url, PAYMENT_NOTIFY_BASE_URL: relay.baseUrl, ...sandbox.env, ...SHORT_RECONCILE, ...opts.workerEnv };
  let worker = startWorkerProcess(workerEnv);
  // The app's job queue for these callers, stopped with the world (before the test database goes).
  const boss = bossOver(database.db.$client);
  const started = boss.start();
  // Stopped with the world (below), not by the callers.
  const jobs: JobSender = { send: async (tx, queue, data, options) => enqueueInTransaction(await started, tx, queue, data, options), stop: async () => {} };
  const flow: FlowUnderTest = {
    db: database.db,
    sandbox: sandbox.control,
    finance: async () => {
      const staff = await makeStaff(database.db, "finance");
      return { staff, caller: createCaller(testContext(database.db, { staff, gateways, jobs })) };
    },
    execute: executeRefund,
    retry: async (fin, refund) => financeActsOn(database.db, fin.caller, fin.staff.id, refund, await versionOf(database.db, refund.requestId)),
    settle: (ids) => refundsSettled(database.db, ids),
  };
  return {
    flow,
    sandbox,
    relay,
    workerEnv,
    worker: () => worker,
    restartWorker: async () => {
      await worker.kill("SIGKILL");
      worker = startWorkerProcess(workerEnv);
      return worker;
    },
    stop: async () => {
      await worker.kill("SIGTERM");
      await (await started).stop({ graceful: false, close: false });
      await relay.close();
      await sandbox.stop();
    },
  };
}

async function versionOf(db: Db, requestId: string) {
  const [row] = await db.select({ version: returnRequests.version }).from(returnRequests).where(eq(returnRequests.id, requestId));
  return row!.version;
}

/** The public notification paths (brief contract), as the gateways call them. */
export const NOTIFY_PATHS = { alipay: "/api/payments/alipay/notify", wechat_pay: "/api/payments/wechat-pay/notify" } as const;

/** The notification routes, as the app serves them, over the gateways the worker uses. */
function notificationRoutes(db: Db, gateways: GatewayRegistry): Record<string, (req: Request) => Promise<Response>> {
  return {
    [NOTIFY_PATHS.alipay]: (req) => handlePaymentNotification(req, "alipay", { db, gateways, log: () => {} }),
    [NOTIFY_PATHS.wechat_pay]: (req) => handlePaymentNotification(req, "wechat-pay", { db, gateways, log: () => {} }),
  };
}

/**
 * The worker process polls for jobs every half second and reconciles every second (scripts/worker.ts
 * knobs); a job whose worker died is retried within seconds.
 */
const SHORT_RECONCILE: Record<string, string> = { WORKER_POLL_SECONDS: "0.5", WORKER_RECONCILE_MS: "1000", WORKER_SUPERVISE_SECONDS: "2" };
