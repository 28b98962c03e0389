import { Gauge, Registry } from "prom-client";
import type postgres from "postgres";
import { REFUND_STATUSES, TERMINAL_STATUSES } from "../domain/vocabulary";
import { JOB_SCHEMA } from "../jobs/queues";

/**
 * What the database says about the whole system, read at scrape time: the same on every app
 * server (scrape one, or take max() across them — never sum). Each query is an index range or a
 * small GROUP BY; a scrape every 15–60 s costs the database little.
 */
export interface SystemFacts {
  queues: { queue: string; ready: number; scheduled: number; active: number; failed: number; lagSeconds: number }[];
  deadlinesOverdue: number;
  refunds: Record<string, number>;
  /** null while the notification_deliveries table does not exist (a database migrated before it). */
  notificationFailures: { channel: string; count: number }[] | null;
}

export async function readSystemFacts(sql: postgres.Sql): Promise<SystemFacts> {
  const queues = await sql.unsafe<{ queue: string; ready: number; scheduled: number; active: number; failed: number; lag: number }[]>(
    `SELECT q.name AS queue,
            count(j.id) FILTER (WHERE j.state IN ('created', 'retry') AND j.start_after <= now())::int AS ready,
            count(j.id) FILTER (WHERE j.state IN ('created', 'retry') AND j.start_after > now())::int AS scheduled,
            count(j.id) FILTER (WHERE j.state = 'active')::int AS active,
            count(j.id) FILTER (WHERE j.state = 'failed')::int AS failed,
            coalesce(extract(epoch FROM now() - min(j.start_after) FILTER (WHERE j.state IN ('created', 'retry') AND j.start_after <= now())), 0)::float8 AS lag
       FROM ${JOB_SCHEMA}.queue q
       LEFT JOIN ${JOB_SCHEMA}.job j ON j.name = q.name AND j.state IN ('created', 'retry', 'active', 'failed')
      GROUP BY q.name
      ORDER BY q.name`,
  );
  const [overdue] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM return_requests
     WHERE deadline_at < now() AND status::text <> ALL(${TERMINAL_STATUSES as string[]})`;
  const refundRows = await sql<{ status: string; n: number }[]>`SELECT status::text AS status, count(*)::int AS n FROM refunds GROUP BY status`;
  const refunds: Record<string, number> = Object.fromEntries(REFUND_STATUSES.map((s) => [s, 0]));
  for (const r of refundRows) refunds[r.status] = r.n;
  const [deliveries] = await sql<{ exists: boolean }[]>`SELECT to_regclass('notification_deliveries') IS NOT NULL AS exists`;
  const notificationFailures = deliveries?.exists
    ? (await sql.unsafe<{ channel: string; n: number }[]>(`SELECT channel::text AS channel, count(*)::int AS n FROM notification_deliveries WHERE status = 'failed' GROUP BY channel`)).map(
        (r) => ({ channel: r.channel, count: r.n }),
      )
    : null;
  return {
    queues: queues.map((q) => ({ queue: q.queue, ready: q.ready, scheduled: q.scheduled, active: q.active, failed: q.failed, lagSeconds: q.lag })),
    deadlinesOverdue: overdue?.n ?? 0,
    refunds,
    notificationFailures,
  };
}

/** The facts as Prometheus gauges, in a registry of their own (built per scrape). */
export function systemGauges(facts: SystemFacts): Registry {
  const registry = new Registry();
  const jobs = new Gauge({
    name: "tuihuanhuo_jobs",
    help: "Jobs in the queue (all processes): ready = waiting for a worker now, scheduled = due later (deadlines), active = being worked, failed = retries used up (kept for the retention period)",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
  });
  const lag = new Gauge({
    name: "tuihuanhuo_jobs_lag_seconds",
    help: "How long the oldest ready job of each queue has been waiting for a worker (0 = none waiting)",
    labelNames: ["queue"] as const,
    registers: [registry],
  });
  for (const q of facts.queues) {
    jobs.set({ queue: q.queue, state: "ready" }, q.ready);
    jobs.set({ queue: q.queue, state: "scheduled" }, q.scheduled);
    jobs.set({ queue: q.queue, state: "active" }, q.active);
    jobs.set({ queue: q.queue, state: "failed" }, q.failed);
    lag.set({ queue: q.queue }, q.lagSeconds);
  }
  new Gauge({ name: "tuihuanhuo_deadlines_overdue", help: "Open return requests whose stage deadline has passed", registers: [registry] }).set(facts.deadlinesOverdue);
  const refunds = new Gauge({ name: "tuihuanhuo_refunds", help: "Refund records by state", labelNames: ["state"] as const, registers: [registry] });
  for (const [state, n] of Object.entries(facts.refunds)) refunds.set({ state }, n);
  if (facts.notificationFailures) {
    const failed = new Gauge({
      name: "tuihuanhuo_notification_deliveries_failed",
      help: "Notification deliveries (SMS, WeCom, e-mail, webhooks) that failed for good, by channel",
      labelNames: ["channel"] as const,
      registers: [registry],
    });
    failed.set({ channel: "sms" }, 0); // present (0) as soon as the table exists, so an alert on it has a series
    for (const f of facts.notificationFailures) failed.set({ channel: f.channel }, f.count);
  }
  return registry;
}
