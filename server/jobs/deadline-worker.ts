import type { Job, JobResult } from "pg-boss";
import type { Db } from "../../db/client";
import { armMissingDeadlines } from "../services/deadlines/backfill";
import { fireDeadline, type FireResult } from "../services/deadlines/fire-deadline";
import { withRequestId } from "../log/request-context";
import { ridOf } from "./job-context";
import { workerBoss } from "./boss";
import { QUEUES, type DeadlineFireJob } from "./queues";

export interface DeadlineWorkerOptions {
  /** How often an idle worker looks for due deadline jobs (pg-boss polling; ≥ 0.5). Default 5. */
  pollingIntervalSeconds?: number;
  /** How soon a job whose worker died is noticed and retried (pg-boss supervision). Default 60. */
  superviseIntervalSeconds?: number;
  /** Jobs fetched at once; each is settled on its own. Default 20. */
  batchSize?: number;
  log?: (line: string) => void;
}

/**
 * Runs one batch of deadline jobs, each on its own: one that throws is failed (pg-boss retries
 * it with back-off) and the others complete with what they did as the job's output.
 */
export async function fireBatch(db: Db, jobs: Job<DeadlineFireJob>[], log: (line: string) => void, now = () => new Date()): Promise<JobResult[]> {
  const results: JobResult[] = [];
  for (const job of jobs) {
    try {
      // In the context of the request that set the deadline: its log lines (and the events' jobs) carry that id.
      const fired: FireResult = await withRequestId(ridOf(job), () => fireDeadline(db, job.data, now()));
      if (fired.outcome === "applied") log(`[deadlines] ${fired.requestId} (${job.data.status}): ${fired.action}`);
      results.push({ id: job.id, status: "completed", output: fired });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log(`[deadlines] ${job.data.requestId} (${job.data.status}) failed, will retry: ${message}`);
      results.push({ id: job.id, status: "failed", output: { message: message.slice(0, 500) } });
    }
  }
  return results;
}

/**
 * The deadline worker inside a worker process (scripts/worker.ts): queues the jobs of deadlines
 * that have none (armMissingDeadlines), then works `deadline.fire` jobs as they come due. Any
 * number may run: pg-boss hands each job to one worker, and a job applies at most once anyway
 * (fireDeadline checks the deadline under the request's lock). Returns stop.
 *
 * pg-boss gets a small pool of its own here (node-postgres, from the same URL and role), as in
 * the refund worker: its supervisor runs its own transactions.
 */
export async function startDeadlineJobs(databaseUrl: string, db: Db, options: DeadlineWorkerOptions = {}): Promise<() => Promise<void>> {
  const log = options.log ?? ((line) => console.log(line));
  const boss = workerBoss(databaseUrl, { max: 2, superviseIntervalSeconds: options.superviseIntervalSeconds });
  boss.on("error", (e: unknown) => log(`[deadlines] job queue: ${e instanceof Error ? e.message : String(e)}`));
  await boss.start();
  try {
    const armed = await armMissingDeadlines(db.$client);
    if (armed) log(`[deadlines] queued ${armed} deadline jobs that were missing`);
  } catch (e) {
    // The jobs there are still run; the next start tries again.
    log(`[deadlines] could not queue missing deadline jobs: ${e instanceof Error ? e.message : String(e)}`);
  }
  await boss.work<DeadlineFireJob>(
    QUEUES.deadlineFire,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5, batchSize: options.batchSize ?? 20, perJobResults: true, burstWhenBatchFull: true },
    (jobs) => fireBatch(db, jobs, log),
  );
  return async () => {
    await boss.stop({ graceful: true, timeout: 10_000 });
  };
}
