import { inspect } from "node:util";
import { PgBoss, type ConstructorOptions, type Db as IDatabase, type SendOptions } from "pg-boss";
import type postgres from "postgres";
import type { TxSql } from "../../db/client";
import { loggerFor } from "../log/logger";
import { withRid } from "./job-context";
import { JOB_SCHEMA, QUEUE_OPTIONS, QUEUES, type QueueName } from "./queues";

const jobsLog = loggerFor("jobs");

/**
 * pg-boss over one of our postgres-js clients (the app's pool, the worker's, a test's), so the
 * queue needs no second pool and no second driver configuration. The app role never migrates:
 * the owner does that at migrate time (installJobQueue); here pg-boss only checks the version.
 */
export function bossOver(sql: postgres.Sql, options: Partial<ConstructorOptions> = {}): PgBoss {
  return new PgBoss({
    db: executorOf(sql),
    schema: JOB_SCHEMA,
    migrate: false,
    createSchema: false,
    // The app role may not rebuild indexes (owner's work); nothing else here needs DDL.
    reindex: false,
    persistQueueStats: false,
    supervise: false,
    schedule: false,
    ...options,
  });
}

/** pg-boss's database seam over postgres-js: text + positional values in, rows out. */
export function executorOf(sql: postgres.Sql | TxSql): IDatabase {
  return {
    executeSql: async (text: string, values?: unknown[]) => ({
      rows: await sql.unsafe(text, (values ?? []).map(asNodePostgresSends) as postgres.ParameterOrJSON<never>[]),
    }),
  };
}

/**
 * pg-boss is written for node-postgres, which sends a Date as its timestamp text and an object
 * as JSON; postgres-js serialises by the type the server infers and wants those as text here.
 */
function asNodePostgresSends(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === "object" && !Array.isArray(value) && !Buffer.isBuffer(value)) return JSON.stringify(value);
  return value;
}

/**
 * Queues a job INSIDE the caller's transaction: the job exists if and only if the transaction
 * commits (a refund record and its gateway call are one decision). The job's data gets the
 * request id (`rid`) of the request that queued it, so its log lines can be followed.
 */
export async function enqueueInTransaction(boss: PgBoss, tx: TxSql, queue: QueueName, data: object, options: Omit<SendOptions, "db"> = {}): Promise<string | null> {
  return boss.send(queue, withRid(data), { ...options, db: executorOf(tx) });
}

/**
 * Queues a job inside `tx` with nothing but the transaction: an unstarted pg-boss over the
 * transaction's own connection only builds and runs the INSERT (measured: no start() needed, no
 * timers, no second connection). Steps deep in the lifecycle (a deadline set by a transition, an
 * event's notifications) use this instead of threading a JobSender through every caller.
 */
export async function enqueueWithin(tx: TxSql, queue: QueueName, data: object, options: Omit<SendOptions, "db"> = {}): Promise<string | null> {
  return bossOver(tx as unknown as postgres.Sql).send(queue, withRid(data), options);
}

/**
 * The pg-boss of one worker (refunds, deadlines, notifications): a small node-postgres pool of its
 * own from the same URL and role (its supervisor runs its own transactions), the queues the owner
 * installed (no DDL), and a supervisor that retries the jobs of a worker that died.
 */
export function workerBoss(databaseUrl: string, options: { max: number; superviseIntervalSeconds?: number; schedule?: boolean }): PgBoss {
  return new PgBoss({
    connectionString: databaseUrl,
    max: options.max,
    schema: JOB_SCHEMA,
    migrate: false,
    createSchema: false,
    reindex: false,
    persistQueueStats: false,
    supervise: true,
    schedule: options.schedule ?? false,
    superviseIntervalSeconds: options.superviseIntervalSeconds ?? 60,
  });
}

/** A started pg-boss that can send, per client; started once, lazily. */
export interface JobSender {
  send(tx: TxSql, queue: QueueName, data: object, options?: Omit<SendOptions, "db">): Promise<string | null>;
  /**
   * Stops pg-boss's timers. A short-lived caller (the seed) stops it before it closes its pool:
   * a started pg-boss keeps querying, and over an ended pool every query is a CONNECTION_ENDED error.
   */
  stop(): Promise<void>;
}

/**
 * pg-boss reports its background failures (e.g. its connection ended when a script closes its
 * pool) as an 'error' event; without a listener Node turns that into a crash of the process.
 */
function withErrorLog(boss: PgBoss): PgBoss {
  boss.on("error", (e: unknown) => jobsLog.error({ error: e instanceof Error ? e.message : inspect(e, { depth: 2, breakLength: Infinity }) }, "job queue error"));
  return boss;
}

export function jobSender(sql: postgres.Sql): JobSender {
  let started: Promise<PgBoss> | undefined;
  const boss = () => (started ??= withErrorLog(bossOver(sql)).start().catch((e: unknown) => {
    started = undefined;
    throw e;
  }));
  return {
    send: async (tx, queue, data, options) => enqueueInTransaction(await boss(), tx, queue, data, options),
    stop: async () => {
      const running = started;
      started = undefined;
      if (running) await (await running.catch(() => undefined))?.stop({ graceful: false, close: false });
    },
  };
}

/**
 * Creates or migrates the `pgboss` schema and the queues, as the OWNER role (db/migrate.ts).
 * The app role gets its rights in db/roles.ts (grantAppRights).
 */
export async function installJobQueue(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: JOB_SCHEMA, max: 1, migrate: true, createSchema: true, supervise: false, schedule: false, reindex: false, registerInstance: false });
  boss.on("error", () => {});
  await boss.start();
  try {
    for (const name of Object.values(QUEUES)) {
      const { policy, ...settings } = QUEUE_OPTIONS[name];
      // pg-boss fixes a queue's policy at creation; every later migration updates only its settings.
      if (await boss.getQueue(name)) await boss.updateQueue(name, settings);
      else await boss.createQueue(name, { ...settings, policy });
    }
  } finally {
    await boss.stop({ graceful: false });
  }
}
