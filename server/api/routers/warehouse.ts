import {
  closeReceiptInput,
  linkUnmatchedInput,
  lookupInput,
  recordParcelInput,
  recordUnmatchedInput,
  unmatchedListInput,
} from "../../schemas/warehouse";
import { notImplemented } from "../../services/receiving/not-implemented";
import type {
  CloseReceiptResult,
  LinkUnmatchedResult,
  LookupResult,
  RecordParcelResult,
  UnmatchedListResult,
  UnmatchedParcelView,
} from "../../services/receiving/types";
import { createTRPCRouter, staffProcedure } from "../trpc";

/**
 * Receiving at the warehouse's table (docs/decisions/028-parcels-add-up.md): scan, record each
 * parcel, close the receipt (the system compares and moves the request on), unmatched parcels.
 * Only the warehouse records; the store manager may look up and read the unmatched list.
 */
export const warehouseRouter = createTRPCRouter({
  lookup: staffProcedure(["warehouse", "admin"])
    .input(lookupInput)
    .query(async (): Promise<LookupResult> => notImplemented()),

  recordParcel: staffProcedure(["warehouse"])
    .input(recordParcelInput)
    .mutation(async (): Promise<RecordParcelResult> => notImplemented()),

  closeReceipt: staffProcedure(["warehouse"])
    .input(closeReceiptInput)
    .mutation(async (): Promise<CloseReceiptResult> => notImplemented()),

  recordUnmatched: staffProcedure(["warehouse"])
    .input(recordUnmatchedInput)
    .mutation(async (): Promise<UnmatchedParcelView> => notImplemented()),

  unmatchedList: staffProcedure(["warehouse", "admin"])
    .input(unmatchedListInput)
    .query(async (): Promise<UnmatchedListResult> => notImplemented()),

  linkUnmatched: staffProcedure(["warehouse"])
    .input(linkUnmatchedInput)
    .mutation(async (): Promise<LinkUnmatchedResult> => notImplemented()),
});
