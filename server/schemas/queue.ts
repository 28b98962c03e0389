import { z } from "zod";
import { CHANNEL_CODES, RETURN_STATUSES, RETURN_TYPES } from "../domain/vocabulary";
import { fen, id, version } from "./fields";

/** A date (yyyy-mm-dd, as an <input type="date"> gives it); the range is read in China time. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "v.date" });

export const QUEUE_PAGE_MAX = 100;

/**
 * The queue's filters. Forms and the URL hold the same fields (components/staff/queue), so a
 * shared link reproduces the list. `holder`: "me", "nobody" or a staff user id.
 */
export const queueFilters = z.object({
  status: z.enum(RETURN_STATUSES).optional(),
  /** Admin only: every status, closed ones included (otherwise: open requests). */
  allStatuses: z.boolean().optional(),
  type: z.enum(RETURN_TYPES).optional(),
  channel: z.enum(CHANNEL_CODES).optional(),
  category: z.string().trim().min(1).max(40).optional(),
  minFen: fen.optional(),
  maxFen: fen.optional(),
  from: day.optional(),
  to: day.optional(),
  holder: z.union([z.enum(["me", "nobody"]), id]).optional(),
  overdue: z.boolean().optional(),
  /** Finance: refunds that failed, were closed, are abnormal or stuck, or are past their deadline (docs/decisions/024). */
  attention: z.boolean().optional(),
  /** One box: RMA, order number, phone (11 digits or last four), return tracking number, customer name. */
  q: z.string().trim().max(40).optional(),
});
export type QueueFilters = z.infer<typeof queueFilters>;

export const queueInput = queueFilters
  .extend({
    cursor: z.string().max(400).optional(),
    limit: z.number().int().min(1).max(QUEUE_PAGE_MAX).default(50),
  })
  .default({ limit: 50 });

const onRequest = { requestId: id };
export const claimInput = z.object(onRequest);
export const releaseInput = z.object(onRequest);
export const assignInput = z.object({ ...onRequest, staffId: id });
export const bulkApproveInput = z.object({
  requests: z.array(z.object({ requestId: id, version })).min(1).max(QUEUE_PAGE_MAX),
});
