import { asc } from "drizzle-orm";
import { categories } from "../../../db/schema";
import { createStaffInput, setStaffActiveInput, setStaffRoleInput, simulatePolicyInput, staffIdInput } from "../../schemas/admin";
import { approvalPolicySchema, replacePolicyInput, requestIdInput } from "../../schemas/staff";
import { currentPolicy, replacePolicy } from "../../services/policy-store";
import { policyHistory } from "../../services/policy-history";
import { recentImpact, simulateSample } from "../../services/policy-simulate";
import { verifyHistory } from "../../services/history-store";
import { createStaff, listStaff, resetStaffPassword, resetStaffSecondFactor, setStaffActive, setStaffRole, staffAuditLog } from "../../services/staff-accounts";
import { erasureIdInput } from "../../schemas/customer-privacy";
import { fulfilErasure, listErasureRequestsForStaff } from "../../services/personal-data/erasure";
import { createTRPCRouter, staffProcedure } from "../trpc";

const admin = staffProcedure(["admin"]);

export const adminRouter = createTRPCRouter({
  policy: admin.query(({ ctx }) => currentPolicy(ctx.db)),

  replacePolicy: admin
    .input(replacePolicyInput)
    .mutation(({ ctx, input }) => replacePolicy(ctx.db, { ...input, actorId: ctx.staff.id })),

  policyHistory: admin.query(({ ctx }) => policyHistory(ctx.db)),

  /** A sample request under the draft and under the version in force. */
  simulatePolicy: admin.input(simulatePolicyInput).query(({ ctx, input }) => simulateSample(ctx.db, input.policy, input.sample)),

  /** How many of the last 30 days' requests the draft would have routed differently. */
  policyImpact: admin.input(approvalPolicySchema).query(({ ctx, input }) => recentImpact(ctx.db, input)),

  /** For the rules editor's category pickers. */
  categories: admin.query(({ ctx }) =>
    ctx.db
      .select({ code: categories.code, nameZh: categories.nameZh, nameEn: categories.nameEn, highValue: categories.highValue })
      .from(categories)
      .orderBy(asc(categories.code)),
  ),

  verifyHistory: admin.input(requestIdInput).query(({ ctx, input }) => verifyHistory(ctx.db, input.id)),

  staffList: admin.query(({ ctx }) => listStaff(ctx.db)),
  staffAudit: admin.query(({ ctx }) => staffAuditLog(ctx.db)),
  createStaff: admin.input(createStaffInput).mutation(({ ctx, input }) => createStaff(ctx.db, ctx.staff.id, input)),
  setStaffRole: admin.input(setStaffRoleInput).mutation(({ ctx, input }) => setStaffRole(ctx.db, ctx.staff.id, input)),
  setStaffActive: admin.input(setStaffActiveInput).mutation(({ ctx, input }) => setStaffActive(ctx.db, ctx.staff.id, input)),
  resetStaffPassword: admin.input(staffIdInput).mutation(({ ctx, input }) => resetStaffPassword(ctx.db, ctx.staff.id, input.id)),
  resetStaffSecondFactor: admin.input(staffIdInput).mutation(({ ctx, input }) => resetStaffSecondFactor(ctx.db, ctx.staff.id, input.id)),

  /** Customers' erasure requests (PIPL): pending first. */
  erasureRequests: admin.query(({ ctx }) => listErasureRequestsForStaff(ctx.db)),
  fulfilErasure: admin.input(erasureIdInput).mutation(async ({ ctx, input }) => {
    const storage = ctx.storage ?? (await import("../photo-http")).photoStorage();
    return fulfilErasure(ctx.db, storage, ctx.staff.id, input.id);
  }),
});
