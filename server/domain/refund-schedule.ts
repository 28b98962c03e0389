/**
 * When the reconciler next asks a gateway about a refund that has no final answer yet
 * (docs/decisions/021-refunds-exactly-once.md): 1 minute after it was sent, then 5, 10, 20 and
 * 30 minutes after each further call, then hourly, until CHECK_LIMIT_HOURS after the refund was
 * created. Past the limit nobody asks any more by themselves: the refund stays live and finance
 * sees it as overdue.
 */
export const CHECK_DELAYS_MINUTES = [1, 5, 10, 20, 30] as const;
export const HOURLY_MINUTES = 60;
export const CHECK_LIMIT_HOURS = 72;

const MINUTE = 60_000;

/** Minutes to wait after the gateway call number `calls` (1 = the first start) before the next check. */
export function checkDelayMinutes(calls: number): number {
  const i = Math.max(0, calls - 1);
  return CHECK_DELAYS_MINUTES[i] ?? HOURLY_MINUTES;
}

/**
 * The next check after `calls` gateway calls, made at `now`, for a refund created at `createdAt`;
 * null once that would fall past the limit (overdue: a person looks).
 */
export function nextCheckAt(r: { createdAt: Date; calls: number; now: Date }): Date | null {
  const next = new Date(r.now.getTime() + checkDelayMinutes(r.calls) * MINUTE);
  return next.getTime() > r.createdAt.getTime() + CHECK_LIMIT_HOURS * 60 * MINUTE ? null : next;
}

/** A live refund nobody will ask about again by themselves (or created longer ago than the limit). */
export function isOverdue(r: { status: string; nextCheckAt: Date | null; createdAt: Date }, now: Date): boolean {
  if (r.status !== "pending" && r.status !== "processing") return false;
  return r.nextCheckAt === null || now.getTime() > r.createdAt.getTime() + CHECK_LIMIT_HOURS * 60 * MINUTE;
}
