import type { z } from "zod";
import { STAFF_ROLES, type Action } from "../../domain/vocabulary";
import { READ_ACCESS } from "../../domain/read-access";
import { staffRolesFor } from "../../domain/state-machine";
import {
  acceptPartialInput,
  approveInput,
  plainDecisionInput,
  receiveInput,
  rejectInput,
  requestIdInput,
  requestInfoInput,
  revealContactInput,
} from "../../schemas/staff";
import { shipReplacementInput, staffConvertToRefundInput } from "../../schemas/replacement";
import { actOnRequest, type ActInput } from "../../services/act-on-request";
import { assignInput, bulkApproveInput, claimInput, queueInput, releaseInput } from "../../schemas/queue";
import { bulkApprove } from "../../services/queue/bulk-approve";
import { queueCounts } from "../../services/queue/counts";
import { assignRequest, claimRequest, releaseRequest } from "../../services/queue/holding";
import { listQueue } from "../../services/queue/list-queue";
import { staffOptions } from "../../services/queue/staff-options";
import { receiveAll } from "../../services/receiving/receive-all";
import { requestForStaff } from "../../services/request-view";
import { returnLabelForStaff } from "../../services/return-label";
import { revealContact } from "../../services/request-view/reveal-contact";
import { createTRPCRouter, staffProcedure } from "../trpc";

/** Roles whose work needs some contact datum in full (the field itself is checked again per call). */
const REVEALING_ROLES = STAFF_ROLES.filter((r) => READ_ACCESS[r].reveal.length > 0);

type WithRequest = { requestId: string; version: number; comment?: string };

/**
 * A procedure for one decision. Who may call it comes from the state machine's table, so the
 * API and the lifecycle cannot disagree; the state machine checks the role again per state.
 */
function decision<S extends z.ZodType<WithRequest>>(action: Action, schema: S, extra: (input: z.output<S>) => Partial<ActInput> = () => ({})) {
  return staffProcedure(staffRolesFor(action))
    .input(schema)
    .mutation(async ({ ctx, input: parsed }) => {
      const input = parsed as z.output<S>;
      // `refund` writes the refund record and queues its gateway call in the step's transaction;
      // the worker pays it (docs/decisions/021-refunds-exactly-once.md). No gateway call here.
      return actOnRequest(
        ctx.db,
        { type: "staff", id: ctx.staff.id, role: ctx.staff.role },
        {
          requestId: input.requestId,
          expectedVersion: input.version,
          action,
          comment: input.comment ?? null,
          ...(action === "refund" ? { refunding: { gateways: ctx.gateways, jobs: ctx.jobs } } : {}),
          ...extra(input),
        },
      );
    });
}

export const staffRouter = createTRPCRouter({
  me: staffProcedure(STAFF_ROLES).query(({ ctx }) => ({ id: ctx.staff.id, name: ctx.staff.name, email: ctx.staff.email, role: ctx.staff.role })),

  queue: staffProcedure(STAFF_ROLES)
    .input(queueInput)
    .query(({ ctx, input }) => listQueue(ctx.db, ctx.staff, input)),

  /** The return slip of a request the viewer may open (decision 027). */
  returnLabel: staffProcedure(STAFF_ROLES)
    .input(requestIdInput)
    .query(({ ctx, input }) => returnLabelForStaff(ctx.db, input.id, ctx.staff.role)),

  queueCounts: staffProcedure(STAFF_ROLES).query(({ ctx }) => queueCounts(ctx.db, ctx.staff.role)),

  claim: staffProcedure(STAFF_ROLES)
    .input(claimInput)
    .mutation(({ ctx, input }) => claimRequest(ctx.db, ctx.staff, input.requestId)),

  release: staffProcedure(STAFF_ROLES)
    .input(releaseInput)
    .mutation(({ ctx, input }) => releaseRequest(ctx.db, ctx.staff, input.requestId)),

  /** The store manager hands a request to someone. */
  assign: staffProcedure(["admin"])
    .input(assignInput)
    .mutation(({ ctx, input }) => assignRequest(ctx.db, ctx.staff, input.requestId, input.staffId)),

  /** Who the store manager can assign to (active staff, with their roles). */
  assignees: staffProcedure(["admin"]).query(({ ctx }) => staffOptions(ctx.db)),

  /** Customer service approves a batch of low-risk requests; per request ok or why not. */
  bulkApprove: staffProcedure(["customer_service"])
    .input(bulkApproveInput)
    .mutation(({ ctx, input }) => bulkApprove(ctx.db, ctx.staff, input.requests, { locale: ctx.locale, log: ctx.log })),

  request: staffProcedure(STAFF_ROLES)
    .input(requestIdInput)
    .query(({ ctx, input }) => requestForStaff(ctx.db, input.id, ctx.staff)),

  // A mutation, not a query: it writes the access record, and must never be cached or prefetched.
  revealContact: staffProcedure(REVEALING_ROLES)
    .input(revealContactInput)
    .mutation(({ ctx, input }) => revealContact(ctx.db, ctx.staff, input.requestId, input.field)),

  approve: decision("approve", approveInput),
  reject: decision("reject", rejectInput, (i) => ({ rejectionCode: i.rejectionCode })),
  requestInfo: decision("request_info", requestInfoInput),
  acceptFull: decision("accept_full", plainDecisionInput),
  acceptPartial: decision("accept_partial", acceptPartialInput, (i) => ({ deductionFen: i.deductionFen })),
  // One parcel with everything, closed at once, through the scan station's service (decision 028).
  receive: staffProcedure(staffRolesFor("receive"))
    .input(receiveInput)
    .mutation(({ ctx, input }) => receiveAll(ctx.db, ctx.staff, input)),
  shipReplacement: decision("ship_replacement", shipReplacementInput, (i) => ({ shipment: { carrier: i.carrier, trackingNo: i.trackingNo } })),
  convertToRefund: decision("convert_to_refund", staffConvertToRefundInput),
  approveRefund: decision("approve_refund", plainDecisionInput),
  refund: decision("refund", plainDecisionInput),
});
