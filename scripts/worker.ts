import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { createDb } from "../db/client";
import { envFrom, paymentNotifyBaseUrl, workerEnv } from "../server/env";
import { startDeadlineJobs } from "../server/jobs/deadline-worker";
import { withRequestId } from "../server/log/request-context";
import { errorText, loggerFor } from "../server/log/logger";
import { startRefundWorker } from "../server/jobs/refund-worker";
import { notificationSetupFromEnv, notificationSetupNotes } from "../server/notifications/config";
import { startNotificationWorker } from "../server/notifications/worker";
import { gatewayRegistry } from "../server/payments/registry";
import { purgeEndedSessions } from "../server/services/customer-sessions";
import { anonymiseExpired } from "../server/services/personal-data/anonymise";
import { storageFromConfig } from "../server/storage";

const workerLog = loggerFor("worker");

/** Personal-data housekeeping (retention, ended sessions) needs no minute precision: hourly. */
const HOUSEKEEPING_EVERY_MS = 3_600_000;

/**
 * The background worker: pays refunds (refund.execute jobs) and reconciles the unanswered ones
 * every minute through the configured gateways (docs/decisions/021-refunds-exactly-once.md);
 * applies each deadline when it passes (deadline.fire jobs, queued by the step that set the
 * deadline: docs/decisions/031-deadlines-as-jobs.md); every hour, anonymises personal data past
 * its retention and purges ended customer sessions (docs/decisions/018-personal-data.md). Any
 * number may run (one per app server, or a separate process): each job is taken by one worker,
 * each deadline applied once (checked under the request's lock), each gateway answer recorded
 * once (status guard), and the housekeeping is idempotent. `intervalMs`: how often it looks
 * whether the hourly housekeeping is due.
 */
export function startDeadlineWorker(databaseUrl: string, intervalMs = 60_000, source: Record<string, string | undefined> = process.env): () => Promise<void> {
  const config = workerEnv(source);
  const storage = storageFromConfig(config);
  const { db, sql } = createDb(databaseUrl, { max: 4 });
  const full = envFrom(source);
  const refunds = startRefundWorker(databaseUrl, { db, gateways: gatewayRegistry(full), notifyBaseUrl: paymentNotifyBaseUrl(full) }, refundWorkerOptions(source)).catch((e: unknown) => {
    workerLog.error({ error: errorText(e) }, "the refund worker did not start");
    return async () => {};
  });
  // The deadline and notification workers write text lines: through the JSON logger (with the job's rid).
  const deadlineLog = loggerFor("deadlines");
  const notifyLog = loggerFor("notifications");
  const deadlines = startDeadlineJobs(databaseUrl, db, { ...deadlineWorkerOptions(source), log: (line) => deadlineLog.info(line) }).catch((e: unknown) => {
    workerLog.error({ error: errorText(e) }, "the deadline worker did not start");
    return async () => {};
  });
  // Notifications (docs/decisions/032): each history event's deliveries, sent with retries.
  const setup = notificationSetupFromEnv(full);
  for (const note of notificationSetupNotes(full, setup)) notifyLog.info(note);
  const notifications = startNotificationWorker(
    databaseUrl,
    { sql, setup, log: (line) => notifyLog.info(line) },
    { pollingIntervalSeconds: refundWorkerOptions(source).pollingIntervalSeconds },
  ).catch((e: unknown) => {
    notifyLog.error({ error: errorText(e) }, "the notification worker did not start");
    return async () => {};
  });
  let running = false;
  let lastHousekeeping = 0;
  // Each pass is a unit of work of its own: its log lines share one id.
  const tick = () => withRequestId(`tick:${randomUUID()}`, pass);
  const pass = async () => {
    if (running || Date.now() - lastHousekeeping < HOUSEKEEPING_EVERY_MS) return;
    running = true;
    try {
      lastHousekeeping = Date.now();
      const now = new Date();
      const retention = await anonymiseExpired(db, now, { storage, retentionDays: config.PERSONAL_DATA_RETENTION_DAYS });
      if (retention.requests || retention.customers || retention.draftPhotos) {
        workerLog.info({ requests: retention.requests, customers: retention.customers, draftPhotos: retention.draftPhotos }, "retention: anonymised personal data");
      }
      const purged = await purgeEndedSessions(db, config.CUSTOMER_SESSION_IDLE_DAYS, now);
      if (purged) workerLog.info({ purged }, "ended customer sessions purged");
    } catch (e) {
      workerLog.error({ err: e }, "worker pass failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  void tick();
  return async () => {
    clearInterval(timer);
    await (await refunds)();
    await (await notifications)();
    await (await deadlines)();
    await sql.end();
  };
}

/**
 * Test and benchmark knobs for a worker process (the reliability tests start `npm run worker`):
 * WORKER_POLL_SECONDS (refund.execute polling, default 2), WORKER_SUPERVISE_SECONDS (how soon a
 * job whose worker died is retried, default 60), WORKER_RECONCILE_MS (reconcile by interval
 * instead of the every-minute cron).
 */
function refundWorkerOptions(source: Record<string, string | undefined>) {
  const num = (v: string | undefined) => (v && Number.isFinite(Number(v)) ? Number(v) : undefined);
  return {
    pollingIntervalSeconds: num(source.WORKER_POLL_SECONDS),
    superviseIntervalSeconds: num(source.WORKER_SUPERVISE_SECONDS),
    reconcileEveryMs: num(source.WORKER_RECONCILE_MS),
  };
}

/** WORKER_POLL_SECONDS and WORKER_SUPERVISE_SECONDS apply to deadline jobs too (tests start workers that poll fast). */
function deadlineWorkerOptions(source: Record<string, string | undefined>) {
  const { pollingIntervalSeconds, superviseIntervalSeconds } = refundWorkerOptions(source);
  return { pollingIntervalSeconds, superviseIntervalSeconds };
}

// `npm run worker` with DATABASE_URL set: the worker on its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DATABASE_URL to run the worker on its own (npm start runs one inside).");
    process.exit(1);
  }
  const stop = startDeadlineWorker(url);
  workerLog.info("worker started");
  process.on("SIGTERM", () => void stop().then(() => process.exit(0)));
  process.on("SIGINT", () => void stop().then(() => process.exit(0)));
}
