import { statementsOf } from "../../payments/statement-sources";
import { reconciliationInput } from "../../schemas/reconciliation";
import { reconcileDay } from "../../services/reconciliation/reconcile-day";
import { createTRPCRouter, staffProcedure } from "../trpc";

/** Who reconciles refunds with the gateways' statements: finance, and the store manager. */
export const RECONCILING_ROLES = ["finance", "admin"] as const;

export const reconciliationRouter = createTRPCRouter({
  /** One channel's refunds for one Beijing day, compared with the gateway's statement (read-only). */
  day: staffProcedure(RECONCILING_ROLES)
    .input(reconciliationInput)
    .query(({ ctx, input }) => reconcileDay(ctx.db, input.day, input.channel, ctx.statements ?? statementsOf(ctx.gateways))),
});
