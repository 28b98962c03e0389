import { requestIdInput } from "../../schemas/staff";
import { lowerRefundInput, recordOfflineRefundInput, retryRefundInput } from "../../schemas/refunds";
import { paymentMethodOfRequest } from "../../services/data/refunds";
import { payOutRefund } from "../../services/pay-out-refund";
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
    .query(({ ctx, input }) => refundPanel(ctx.db, input.id, ctx.staff, (m) => ctx.gateway.handles(m))),

  lower: staffProcedure(["finance"])
    .input(lowerRefundInput)
    .mutation(({ ctx, input }) => lowerRefund(ctx.db, { type: "staff", id: ctx.staff.id, role: ctx.staff.role }, input)),

  retry: staffProcedure(["finance"])
    .input(retryRefundInput)
    .mutation(async ({ ctx, input }) => {
      const result = await retryRefund(ctx.db, { type: "staff", id: ctx.staff.id, role: ctx.staff.role }, input);
      // Interim until the job queue (docs/decisions/021): paid out after the reservation commits.
      if (result.refundId) await payOutRefund(ctx.db, result.refundId, ctx.gateway);
      return result;
    }),

  recordOffline: staffProcedure(["finance"])
    .input(recordOfflineRefundInput)
    .mutation(async ({ ctx, input }) => {
      const method = await paymentMethodOfRequest(ctx.db.$client, input.requestId);
      const hasGateway = method ? ctx.gateway.handles(method) : false;
      return recordOfflineRefund(ctx.db, { type: "staff", id: ctx.staff.id, role: ctx.staff.role }, input, hasGateway);
    }),
});
