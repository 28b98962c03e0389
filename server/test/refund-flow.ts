import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { refundReceipts, refunds, returnRequests } from "../../db/schema";
import type { GatewayChannel } from "../payments/refund-gateway";
import type { FlowUnderTest } from "./exactly-once";
import type { staffCaller } from "./fixtures";
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

/** Waits (bounded) until no refund of `requestIds` is pending or processing. */
export async function refundsSettled(db: Db, requestIds: string[], timeoutMs = 120_000) {
  await pollUntil(
    "every refund final",
    async () => {
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
  const relay = await startNotifyRelay(notificationRoutes(database.db));
  const workerEnv = { DATABASE_URL: database.url, PAYMENT_NOTIFY_BASE_URL: relay.baseUrl, ...sandbox.env, ...SHORT_RECONCILE, ...opts.workerEnv };
  let worker = startWorkerProcess(workerEnv);
  const flow: FlowUnderTest = {
    db: database.db,
    sandbox: sandbox.control,
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

// TODO(refund-core): the notification routes' exported handlers and the reconcile-interval env.
function notificationRoutes(_db: Db): Record<string, (req: Request) => Promise<Response>> {
  return {};
}
const SHORT_RECONCILE: Record<string, string> = {};
