import { z } from "zod";
import { comment, id, version } from "./fields";

/**
 * Finance's refund actions (docs/decisions/024-finance-refund-actions.md). Shared by the dialogs
 * (zodResolver) and the API (tRPC .input()); messages are keys translated in server/i18n/errors.ts.
 */
const onRequest = { requestId: id, version };

export const OFFLINE_METHODS = ["bank_transfer", "cash"] as const;
export type OfflineMethod = (typeof OFFLINE_METHODS)[number];

/** Lower the amount to be paid, with the reason the customer's history keeps. ¥0 is never a lowered amount. */
export const lowerRefundInput = z.object({
  ...onRequest,
  amountFen: z.number({ error: "v.fenPositive" }).int({ error: "v.fenPositive" }).min(1, { error: "v.fenPositive" }).max(100_000_000, { error: "v.fenPositive" }),
  comment: comment.min(1, { error: "v.required" }),
});

/** Send a failed or closed refund to the gateway again. */
export const retryRefundInput = z.object({ ...onRequest, refundId: id, comment: comment.optional() });

/** Finance paid it back by hand: the reference, the method, and the receipt image uploaded before. */
export const recordOfflineRefundInput = z.object({
  ...onRequest,
  reference: z.string({ error: "v.offlineReference" }).trim().min(1, { error: "v.offlineReference" }).max(100, { error: "v.offlineReference" }),
  method: z.enum(OFFLINE_METHODS, { error: "v.offlineMethod" }),
  receiptId: z.uuid({ error: "v.receipt" }),
  comment: comment.optional(),
});
