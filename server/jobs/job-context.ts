import { currentRequestId, withRequestId } from "../log/request-context";
import { errorText, loggerFor } from "../log/logger";

const jobLog = loggerFor("jobs");

/**
 * A job's data with the request id of the request that queued it (`rid`), so the job's log lines
 * can be found with the request's. Data that names its own rid keeps it; outside a request
 * nothing is added.
 */
export function withRid<T extends object>(data: T): T & { rid?: string } {
  const rid = currentRequestId();
  if (!rid || "rid" in data) return data;
  return { ...data, rid };
}

/** What a worker knows of a job (pg-boss's Job, or anything with an id and data). */
export interface JobLike {
  id: string;
  name?: string;
  data?: unknown;
}

/** The request id a job carries (see withRid), or one derived from the job itself. */
export function ridOf(job: JobLike): string {
  const rid = (job.data as { rid?: unknown } | null | undefined)?.rid;
  return typeof rid === "string" && rid.length > 0 && rid.length <= 64 ? rid : `job:${job.id}`;
}

/**
 * Runs a job handler inside the job's request context (its log lines carry the queuing request's
 * `rid`) and logs how it went: queue, job id, duration, outcome. A handler that throws is logged
 * and rethrown, so pg-boss still retries it. Every worker wraps its handler in this.
 */
export function runJob<T>(queue: string, job: JobLike, handler: () => Promise<T>): Promise<T> {
  return withRequestId(ridOf(job), async () => {
    const started = performance.now();
    try {
      const result = await handler();
      jobLog.info({ queue, jobId: job.id, durationMs: Math.round(performance.now() - started), outcome: "ok" }, "job done");
      return result;
    } catch (e) {
      jobLog.error({ queue, jobId: job.id, durationMs: Math.round(performance.now() - started), outcome: "error", error: errorText(e) }, "job failed");
      throw e;
    }
  });
}

/**
 * A batch handler that settles each job on its own (pg-boss `perJobResults`): one job that throws
 * is failed and retried alone while the others complete. Up to `concurrency` jobs run at once.
 * With `batchSize` > 1 and `burstWhenBatchFull`, a worker with a backlog fetches again at once
 * instead of waiting a polling interval per job (measured: one job per interval gave ≈0.75
 * notification events per second behind the demo seed's backlog).
 */
export function settleEach<J extends JobLike>(queue: string, handler: (job: J) => Promise<unknown>, concurrency = 1) {
  return async (jobs: J[]): Promise<{ id: string; status: "completed" | "failed"; output?: unknown }[]> => {
    const results: { id: string; status: "completed" | "failed"; output?: unknown }[] = [];
    let next = 0;
    const lane = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        try {
          const output = await runJob(queue, job, () => handler(job));
          results.push({ id: job.id, status: "completed", output: output ?? undefined });
        } catch (e) {
          results.push({ id: job.id, status: "failed", output: { message: errorText(e).slice(0, 500) } });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, lane));
    return results;
  };
}
