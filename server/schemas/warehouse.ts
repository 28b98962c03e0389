import { z } from "zod";
import { DISPOSITIONS, ITEM_CONDITIONS } from "../domain/vocabulary";
import { CARRIERS } from "./customer";
import { comment, id, rmaNo, version } from "./fields";

/**
 * The warehouse's receiving inputs (docs/decisions/028-parcels-add-up.md). Plain zod: the scan
 * station's forms import these too.
 */

/** What the scanner typed (an RMA number, a carrier tracking number, anything else), trimmed. */
export const scanCode = z.string().trim().min(1, { error: "v.required" }).max(64, { error: "v.required" });
export const lookupInput = z.object({ code: scanCode });

/** A carrier tracking number, the same rule as the customer's shipment (so a scan finds what they typed). */
export const trackingNo = z.string().trim().regex(/^[A-Za-z0-9]{8,30}$/, { error: "v.trackingNo" });
/** The customer's carriers (sf, jd, …, other). */
export const carrier = z.enum(CARRIERS, { error: "v.carrier" });
const note = comment;
/** Photos taken at the table (POST /api/staff/parcel-photos), not yet attached to anything. */
const photoIds = z.array(id).max(9);

export const parcelLineInput = z.object({
  returnLineId: id,
  /** Units of this line in THIS parcel; the service checks it against what is still expected. */
  quantity: z.number().int().min(0).max(999),
  condition: z.enum(ITEM_CONDITIONS),
  disposition: z.enum(DISPOSITIONS),
  note: note.optional(),
});

export const recordParcelInput = z.object({
  requestId: id,
  version,
  trackingNo: trackingNo.optional(),
  carrier: carrier.optional(),
  note: note.optional(),
  photoIds: photoIds.optional(),
  lines: z.array(parcelLineInput).min(1).max(200),
  /** Close the receipt with this parcel (compare → move on), even if something is still missing. */
  close: z.boolean(),
});

export const closeReceiptInput = z.object({ requestId: id, version });

export const recordUnmatchedInput = z.object({
  trackingNo,
  carrier: carrier.optional(),
  note: note.optional(),
  photoIds: photoIds.optional(),
});

export const unmatchedListInput = z.object({
  status: z.enum(["open", "linked"]),
  /** The last row's cursor from the previous page. */
  cursor: z.string().max(200).optional(),
});

export const linkUnmatchedInput = z.object({ parcelId: id, rmaNo });

export type LookupInput = z.infer<typeof lookupInput>;
export type RecordParcelInput = z.infer<typeof recordParcelInput>;
export type ParcelLineInput = z.infer<typeof parcelLineInput>;
export type CloseReceiptInput = z.infer<typeof closeReceiptInput>;
export type RecordUnmatchedInput = z.infer<typeof recordUnmatchedInput>;
export type UnmatchedListInput = z.infer<typeof unmatchedListInput>;
export type LinkUnmatchedInput = z.infer<typeof linkUnmatchedInput>;
