import { replacePolicyInput, requestIdInput } from "../../schemas/staff";
import { currentPolicy, replacePolicy } from "../../services/policy-store";
import { verifyHistory } from "../../services/history-store";
import { createTRPCRouter, staffProcedure } from "../trpc";

const admin = staffProcedure(["admin"]);

export const adminRouter = createTRPCRouter({
  policy: admin.query(({ ctx }) => currentPolicy(ctx.db)),

  replacePolicy: admin
    .input(replacePolicyInput)
    .mutation(({ ctx, input }) => replacePolicy(ctx.db, { ...input, actorId: ctx.staff.id })),

  verifyHistory: admin.input(requestIdInput).query(({ ctx, input }) => verifyHistory(ctx.db, input.id)),
});
