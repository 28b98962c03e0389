import { STAFF_ROLES } from "../../domain/vocabulary";
import {
  createReasonInput,
  listReasonsInput,
  moveReasonInput,
  reasonRefInput,
  renameReasonInput,
  setPhotoRequiredInput,
} from "../../schemas/reasons";
import { createReason, listReasons, moveReason, renameReason, restoreReason, retireReason, setPhotoRequired } from "../../services/reasons";
import { createTRPCRouter, staffProcedure } from "../trpc";

const admin = staffProcedure(["admin"]);

/**
 * The return and rejection reasons. Every staff role reads them (reviewers pick a rejection
 * reason, everyone reads a request's reasons); only the store manager edits them.
 */
export const reasonsRouter = createTRPCRouter({
  list: staffProcedure(STAFF_ROLES)
    .input(listReasonsInput)
    .query(({ ctx, input }) => listReasons(ctx.db, input.kind)),

  create: admin.input(createReasonInput).mutation(({ ctx, input }) => createReason(ctx.db, input, ctx.staff.id)),
  rename: admin.input(renameReasonInput).mutation(({ ctx, input }) => renameReason(ctx.db, input, ctx.staff.id)),
  move: admin.input(moveReasonInput).mutation(({ ctx, input }) => moveReason(ctx.db, input, ctx.staff.id)),
  setPhotoRequired: admin.input(setPhotoRequiredInput).mutation(({ ctx, input }) => setPhotoRequired(ctx.db, input, ctx.staff.id)),
  retire: admin.input(reasonRefInput).mutation(({ ctx, input }) => retireReason(ctx.db, input, ctx.staff.id)),
  restore: admin.input(reasonRefInput).mutation(({ ctx, input }) => restoreReason(ctx.db, input, ctx.staff.id)),
});
