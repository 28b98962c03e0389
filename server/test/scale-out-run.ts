import { clusterDatabase, startCluster, type Cluster } from "./cluster";
import {
  addWebhookEndpoint,
  customerSessionAcross,
  deadlineActions,
  eventCount,
  makeDeadlinesDue,
  ownerDatabase,
  rateLimitAcross,
  staffSessionAcross,
  submitRequests,
  unfinishedJobs,
  until,
  webhookDeliveries,
  webhookReceiver,
} from "./scale-out-scenarios";
import { QUEUES } from "../jobs/queues";

/** How big a scale-out run is: `npm test` runs a small one (e2e/scale-out.spec.ts), `npm run test:long` a large one. */
export interface ScaleOutSize {
  apps: number;
  workers: number;
  /** Requests submitted (each gets one deadline made due and a duplicate deadline job). */
  requests: number;
  /** Concurrent calls against one address's limit of 60 a minute. */
  rateLimitCalls: number;
}

/**
 * The whole scale-out proof on a fresh database: N app servers and M workers, then sessions,
 * the shared rate limit, deadlines under competing workers and webhook deliveries. Returns what
 * was observed, with timings for the report (never asserted: figures, not tests).
 */
export async function runScaleOut(size: ScaleOutSize, database?: { ownerUrl: string; appUrl: string }) {
  const own = database ? null : await clusterDatabase();
  const urls = database ?? own!;
  const { db: ownerDb, sql } = ownerDatabase(urls.ownerUrl);
  const receiver = await webhookReceiver();
  let cluster: Cluster | undefined;
  const t = { start: Date.now() } as Record<string, number>;
  try {
    await addWebhookEndpoint(ownerDb, receiver.url);
    cluster = await startCluster({ appUrl: urls.appUrl, apps: size.apps, workers: size.workers });
    t.clusterReadyMs = Date.now() - t.start!;
    const customer = await customerSessionAcross(cluster, ownerDb, "10.20.0.1");
    const staff = await staffSessionAcross(cluster, ownerDb, "10.20.0.2");
    const rateLimit = await rateLimitAcross(cluster, "10.20.0.3", size.rateLimitCalls);

    let phase = Date.now();
    const { ids, requestIds } = await submitRequests(cluster, ownerDb, size.requests, "10.21");
    t.submitMs = Date.now() - phase;
    phase = Date.now();
    const due = await makeDeadlinesDue(sql, ids);
    const deadlineJobsQueued = due * 2;
    await until(() => unfinishedJobs(sql, QUEUES.deadlineFire), (n) => n === 0, 120_000);
    const deadlines = await deadlineActions(sql, ids);
    t.deadlinesMs = Date.now() - phase;

    phase = Date.now();
    const events = await eventCount(sql, ids);
    const deliveries = await until(
      () => webhookDeliveries(sql, ids),
      (rows) => rows.length >= events && rows.every((r) => r.status !== "pending"),
      120_000,
    );
    // Give a duplicate (there should be none) a moment to arrive before counting.
    await new Promise((r) => setTimeout(r, 1000));
    t.deliveriesMs = Date.now() - phase;
    const received = new Map<string, number>();
    for (const r of receiver.received) received.set(r.deliveryId, (received.get(r.deliveryId) ?? 0) + 1);

    // Which processes did the work: every worker's log lines, parsed.
    const workerLines = cluster.workers.map((w) => w.output.flatMap((l) => (l.startsWith("{") ? [JSON.parse(l) as Record<string, unknown>] : [])));
    const jobsDoneByWorker = workerLines.map((lines) => lines.filter((l) => l.msg === "job done").length);
    const tracedSubmissions = requestIds.filter((rid) => workerLines.some((lines) => lines.some((l) => l.rid === rid && l.queue === QUEUES.notifyEvent))).length;
    t.totalMs = Date.now() - t.start!;
    return {
      customer,
      staff,
      rateLimit,
      requests: ids.length,
      deadlinesMadeDue: due,
      deadlineJobsQueued,
      deadlines,
      events,
      deliveries,
      received,
      jobsDoneByWorker,
      tracedSubmissions,
      /** The workers' error lines, for a failure's message. */
      workerErrors: workerLines.flat().filter((l) => l.level === "error" || l.level === "warn"),
      timings: t,
    };
  } finally {
    await cluster?.stop();
    await receiver.close();
    await sql.end();
    await own?.stop();
  }
}
