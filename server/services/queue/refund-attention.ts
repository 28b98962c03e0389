import { sql, type SQL } from "drizzle-orm";
import { STUCK_AFTER_MINUTES } from "../refunds/refund-panel";

/**
 * Finance's "needs attention" (docs/decisions/024-finance-refund-actions.md): the request's newest
 * goods refund failed, was CLOSED by the gateway, is ABNORMAL (a person must act), or has been on
 * its way (pending/processing) for longer than STUCK_AFTER_MINUTES; or the request is past its
 * deadline. Read per row through refunds_request_idx (request_id, created_at).
 */
export const REFUND_FLAGS = ["stuck", "failed", "closed", "abnormal"] as const;
export type RefundFlag = (typeof REFUND_FLAGS)[number];

/** The newest goods refund's flag for request alias `r`, or NULL: a scalar subquery for the queue's SELECT. */
export function refundFlagSql(now: Date): SQL {
  const stuckBefore = new Date(now.getTime() - STUCK_AFTER_MINUTES * 60_000).toISOString();
  return sql`(SELECT CASE
      WHEN f.status IN ('failed', 'closed', 'abnormal') THEN f.status::text
      WHEN f.status IN ('pending', 'processing') AND f.updated_at < ${stuckBefore}::timestamptz THEN 'stuck'
    END
    FROM refunds f WHERE f.request_id = r.id AND f.kind = 'goods' ORDER BY f.created_at DESC, f.id DESC LIMIT 1)`;
}

/** The condition behind the queue's "needs attention" filter. */
export function needsAttentionSql(now: Date): SQL {
  return sql`(${refundFlagSql(now)} IS NOT NULL OR coalesce(r.deadline_at, 'infinity'::timestamptz) < ${now.toISOString()}::timestamptz)`;
}
