import { z } from "zod";
import { comment, id, requiredComment, version } from "./fields";

/**
 * The replacement shipment's carrier: one of the H5 list's codes (CARRIERS) or a name typed by
 * the warehouse for a carrier not on it, at most 40 characters.
 */
export const replacementCarrier = z.string({ error: "v.replacementCarrier" }).trim().min(1, { error: "v.replacementCarrier" }).max(40, { error: "v.replacementCarrier" });
/** Carriers' numbers are letters, digits and dashes (e.g. JD's JDVA-…); 6–40 covers the ones in use. */
export const replacementTrackingNo = z
  .string({ error: "v.replacementTrackingNo" })
  .trim()
  .regex(/^[A-Za-z0-9-]{6,40}$/, { error: "v.replacementTrackingNo" });

const onRequest = { requestId: id, version };
/** The warehouse ships the replacement: carrier and tracking number are recorded and shown to the customer. */
export const shipReplacementInput = z.object({ ...onRequest, carrier: replacementCarrier, trackingNo: replacementTrackingNo, comment: comment.optional() });
/** Staff convert an out-of-stock exchange to a refund: the reason is recorded for the customer and the history. */
export const staffConvertToRefundInput = z.object({ ...onRequest, comment: requiredComment });
/** The customer chooses the refund; a note is optional. */
export const customerConvertToRefundInput = z.object({ ...onRequest, comment: comment.optional() });
