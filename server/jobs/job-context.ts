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
