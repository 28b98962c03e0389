import {
  closeReceiptInput,
  linkUnmatchedInput,
  lookupInput,
  recordParcelInput,
  recordUnmatchedInput,
  unmatchedListInput,
} from "../../schemas/warehouse";
import { lookupCode } from "../../services/receiving/lookup";
import { closeReceipt, recordParcel } from "../../services/receiving/record-parcel";
import type {
  CloseReceiptResult,
  LinkUnmatchedResult,
  LookupResult,
  RecordParcelResult,
  UnmatchedListResult,
  UnmatchedParcelView,
} from "../../services/receiving/types";
import { linkUnmatched, recordUnmatched, unmatchedList } from "../../services/receiving/unmatched";
import { createTRPCRouter, staffProcedure } from "../trpc";

/**
 * Receiving at the warehouse's table (docs/decisions/028-parcels-add-up.md): scan, record each
 * parcel, close the receipt (the system compares and moves the request on), unmatched parcels.
 * Only the warehouse records; the store manager may look up and read the unmatched list.
 */
export const warehouseRouter = createTRPCRouter({
  lookup: staffProcedure(["warehouse", "admin"])
    .input(lookupInput)
    .query(({ ctx, input }): Promise<LookupResult> => lookupCode(ctx.db, ctx.staff, input.code)),

  recordParcel: staffProcedure(["warehouse"])
    .input(recordParcelInput)
    .mutation(({ ctx, input }): Promise<RecordParcelResult> => recordParcel(ctx.db, ctx.staff, input)),

  closeReceipt: staffProcedure(["warehouse"])
    .input(closeReceiptInput)
    .mutation(({ ctx, input }): Promise<CloseReceiptResult> => closeReceipt(ctx.db, ctx.staff, input)),

  recordUnmatched: staffProcedure(["warehouse"])
    .input(recordUnmatchedInput)
    .mutation(({ ctx, input }): Promise<UnmatchedParcelView> => recordUnmatched(ctx.db, ctx.staff, input)),

  unmatchedList: staffProcedure(["warehouse", "admin"])
    .input(unmatchedListInput)
    .query(({ ctx, input }): Promise<UnmatchedListResult> => unmatchedList(ctx.db, input)),

  linkUnmatched: staffProcedure(["warehouse"])
    .input(linkUnmatchedInput)
    .mutation(({ ctx, input }): Promise<LinkUnmatchedResult> => linkUnmatched(ctx.db, ctx.staff, input)),
});
