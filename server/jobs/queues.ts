/**
 * The job queues (pg-boss, schema `pgboss`; docs/decisions/021-refunds-exactly-once.md).
 * Created by the owner role at migrate time (installJobQueue), used by the app role.
 */
export const JOB_SCHEMA = "pgboss";

export const QUEUES = {
  /** Send one refund record to its gateway (data: { refundId }). */
  refundExecute: "refund.execute",
  /** Ask the gateways about every refund whose next check is due (cron, every minute). */
  refundReconcile: "refund.reconcile",
  /** Turn one history event into its deliveries (data: { requestId, seq }; docs/decisions/032). */
  notifyEvent: "notify.event",
  /** Send one delivery (data: { deliveryId }), retried with back-off; the last failure marks it failed. */
  notifyDeliver: "notify.deliver",
  /** One stage's deadline of one request has passed (data: DeadlineFireJob; startAfter = the deadline). */
  deadlineFire: "deadline.fire",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface RefundExecuteJob {
  refundId: string;
}

/** A history event, named by its request and sequence number (unique; the event's id is not known to the statement that writes it). */
export interface NotifyEventJob {
  requestId: string;
  seq: number;
}

export interface NotifyDeliverJob {
  deliveryId: string;
}

/**
 * What identifies one deadline: the request, the step (event seq) that started the stage and set
 * it, the status it runs in and when it passes (docs/decisions/031-deadlines-as-jobs.md).
 */
export interface DeadlineFireJob {
  requestId: string;
  seq: number;
  status: string;
  deadlineAt: string;
}

/**
 * Queue options. A refund.execute job that throws is retried a few times; the reconciler is the
 * backstop either way (every live refund has a next_check_at). A job whose worker died is
 * retried after expireInSeconds by the supervisor of any running worker.
 */
export const QUEUE_OPTIONS: Record<
  QueueName,
  { retryLimit: number; retryDelay: number; retryBackoff?: boolean; expireInSeconds: number; policy?: "standard" | "singleton" | "exclusive" }
> = {
  "refund.execute": { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
  "refund.reconcile": { retryLimit: 0, retryDelay: 0, expireInSeconds: 600, policy: "singleton" },
  // Planning touches only our own tables: a failure is the database's, retried soon. Exclusive:
  // one live job per event (singletonKey requestId:seq); the unique deliveries cover a re-run.
  "notify.event": { retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 120, policy: "exclusive" },
  // A receiver that is down gets 8 tries over one to two hours (30 s doubling, with pg-boss's
  // jitter), then the delivery is failed and shown; re-send starts over. Exclusive: one live job
  // per delivery (singletonKey = delivery id), so a re-send while one is queued adds none.
  "notify.deliver": { retryLimit: 7, retryDelay: 30, retryBackoff: true, expireInSeconds: 90, policy: "exclusive" },
  // A deadline job that throws (database trouble, a bug in one request) is retried with back-off
  // (30 s, 1 min, 2 min, … ~4 h in all) and never holds up the others; expiry: its worker died.
  "deadline.fire": { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
};
