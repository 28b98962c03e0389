import type { Job, JobWithMetadata } from "pg-boss";
import type postgres from "postgres";
import { settleEach } from "../jobs/job-context";
import { workerBoss } from "../jobs/boss";
import { QUEUES, type NotifyDeliverJob, type NotifyEventJob } from "../jobs/queues";
import type { NotificationSetup } from "./config";
import { deliverOnce } from "./deliver";
import { planEventDeliveries } from "./plan-event";

export interface NotificationWorkerDeps {
  /** A postgres-js client of the worker (transactions of its own: not drizzle's). */
  sql: postgres.Sql;
  setup: NotificationSetup;
  log?: (line: string) => void;
}

/** Thrown so pg-boss retries the job with back-off; the delivery row already holds the answer. */
class RetryLater extends Error {
  constructor(response: string) {
    super(`not delivered, retried later: ${response}`);
    this.name = "RetryLater";
  }
}

export async function handleEventJob(deps: NotificationWorkerDeps, data: NotifyEventJob): Promise<number> {
  const n = await planEventDeliveries(deps.sql, deps.setup, data, deps.log);
  if (n) deps.log?.(`[notify] event ${data.requestId}#${data.seq}: ${n} deliveries`);
  return n;
}

/** One attempt; a failure that pg-boss will retry throws, the last one is recorded as failed. */
export async function handleDeliverJob(deps: NotificationWorkerDeps, job: { data: NotifyDeliverJob; retryCount: number; retryLimit: number }): Promise<void> {
  const lastTry = job.retryCount >= job.retryLimit;
  const { outcome, response } = await deliverOnce(deps.sql, deps.setup, job.data.deliveryId, lastTry);
  if (outcome === "retry") throw new RetryLater(response ?? "");
  if (outcome === "failed") deps.log?.(`[notify] delivery ${job.data.deliveryId} failed: ${response}`);
}

export interface NotificationWorkerOptions {
  pollingIntervalSeconds?: number;
  /** Deliveries sent at once by this worker. */
  concurrency?: number;
  superviseIntervalSeconds?: number;
}

/**
 * The notification worker inside a worker process (scripts/worker.ts): notify.event jobs become
 * deliveries, notify.deliver jobs send them. Any number of workers may run: pg-boss hands each
 * job to one of them, and a delivery is marked once (status guard). Returns stop.
 */
export async function startNotificationWorker(databaseUrl: string, deps: NotificationWorkerDeps, options: NotificationWorkerOptions = {}): Promise<() => Promise<void>> {
  const log = deps.log ?? ((line: string) => console.log(line));
  const boss = workerBoss(databaseUrl, { max: 3, superviseIntervalSeconds: options.superviseIntervalSeconds });
  boss.on("error", (e: unknown) => log(`[notify] job queue: ${e instanceof Error ? e.message : String(e)}`));
  await boss.start();
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  const withLog = { ...deps, log };
  // Batches settled job by job, fetched back to back while there is a backlog (settleEach).
  const batches = { ...polling, perJobResults: true as const, burstWhenBatchFull: true };
  await boss.work<NotifyEventJob>(
    QUEUES.notifyEvent,
    { ...batches, batchSize: 20 },
    // runJob (inside settleEach): in the context of the request whose event this is (its id in every line), logged with its outcome.
    settleEach(QUEUES.notifyEvent, (job: Job<NotifyEventJob>) => handleEventJob(withLog, job.data)),
  );
  await boss.work<NotifyDeliverJob>(
    QUEUES.notifyDeliver,
    // includeMetadata: the job carries its retry limit, so the last try knows it is the last.
    { ...batches, batchSize: 10, includeMetadata: true },
    settleEach(QUEUES.notifyDeliver, (job: Job<NotifyDeliverJob>) => handleDeliverJob(withLog, job as JobWithMetadata<NotifyDeliverJob>), options.concurrency ?? 4),
  );
  return async () => {
    await boss.stop({ graceful: true, timeout: 10_000 });
    deps.setup.mailer?.close();
  };
}
