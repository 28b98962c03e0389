import { sqlOf } from "../../../db/client";
import type { PaymentMethod } from "../../domain/vocabulary";
import { requestIdInput } from "../../schemas/staff";
import { lowerRefundInput, recordOfflineRefundInput, retryRefundInput } from "../../schemas/refunds";
import { QUEUES } from "../../jobs/queues";
import { lowerRefund } from "../../services/refunds/lower-amount";
import { recordOfflineRefund } from "../../services/refunds/record-offline-refund";
import { refundPanel } from "../../services/refunds/refund-panel";
import { retryRefund } from "../../services/refunds/retry-refund";
import { createTRPCRouter, staffProcedure } from "../trpc";

/**
 * Finance's refund panel and actions (docs/decisions/024-finance-refund-actions.md). Only
 * finance acts; the store manager reads the panel. Each action locks the request, checks the
 * version the user saw and records the step in the history (actOnRequest).
 */
export const refundsRouter = createTRPCRouter({
  panel: staffProcedure(["finance", "admin"])
    .input(requestIdInput)
    .query(({ ctx, input }) => refundPanel(ctx.db, input.id, ctx.staff, (m) => ctx.gateways.channelFor(m) !== null)),

  lower: staffProcedure(["finance"])
    .input(lowerRefundInput)
    .mutation(({ ctx, input }) => lowerRefund(ctx.db, { type: "staff", id: ctx.staff.id, role: ctx.staff.role }, input)),

  retry: staffProcedure(["finance"])
    .input(retryRefundInput)
    .mutation(async ({ ctx, input }) => {
      // The gateway call is queued in the retry's own transaction; the worker pays it (docs/decisions/021).
      return retryRefund(ctx.db, { type: "staff", id: ctx.staff.id, role: ctx.staff.role }, input, (tx, refundId) =>
        ctx.jobs.send(sqlOf(tx), QUEUES.refundExecute, { refundId }).then(() => undefined),
      );
    }),

  recordOffline: staffProcedure(["finance"])
    .input(recordOfflineRefundInput)
    .mutation(async ({ ctx, input }) => {
      const [row] = await ctx.db.$client<{ method: PaymentMethod }[]>`
        SELECT o.payment_method AS method FROM return_requests r JOIN orders o ON o.id = r.order_id WHERE r.id = ${input.requestId}`;
      const hasGateway = row ? ctx.gateways.channelFor(row.method) !== null : false;
      return recordOfflineRefund(ctx.db, { type: "staff", id: ctx.staff.id, role: ctx.staff.role }, input, hasGateway);
    }),
});
