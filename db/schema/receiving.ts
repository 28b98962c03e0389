import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { disposition, itemCondition } from "./enums";
import { returnLines, returnRequests } from "./returns";
import { staffUsers } from "./staff";

/**
 * Receiving at the warehouse (docs/decisions/028-parcels-add-up.md). A request's goods may come
 * in several parcels: each is recorded on its own with what was in it, and the receipt is the
 * sum of them. The request moves on (the `receive` step) only when the receipt is closed.
 */
export const receiptParcels = pgTable(
  "receipt_parcels",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => returnRequests.id),
    /** 1, 2, … per request, in the order the parcels were recorded (under the request's row lock). */
    seq: integer().notNull(),
    trackingNo: text(),
    carrier: text(),
    note: text(),
    receivedBy: uuid()
      .notNull()
      .references(() => staffUsers.id),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("receipt_parcels_request_seq").on(t.requestId, t.seq), check("receipt_parcels_seq_positive", sql`${t.seq} > 0`)],
);

/** What one parcel held of one return line: how many, in what condition, and what was done with them. */
export const receiptParcelLines = pgTable(
  "receipt_parcel_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    parcelId: uuid()
      .notNull()
      .references(() => receiptParcels.id),
    returnLineId: uuid()
      .notNull()
      .references(() => returnLines.id),
    quantity: integer().notNull(),
    condition: itemCondition().notNull(),
    disposition: disposition().notNull(),
    note: text(),
  },
  (t) => [
    unique("receipt_parcel_lines_parcel_line").on(t.parcelId, t.returnLineId),
    // The sum of a line over all parcels.
    index("receipt_parcel_lines_return_line_idx").on(t.returnLineId),
    check("receipt_parcel_lines_quantity_nonnegative", sql`${t.quantity} >= 0`),
  ],
);

/**
 * A parcel nobody could match to a request (no RMA on it, a tracking number no request has). Kept
 * so no parcel is lost; linked to its request once someone finds out whose it is.
 */
export const unmatchedParcels = pgTable(
  "unmatched_parcels",
  {
    id: uuid().primaryKey().defaultRandom(),
    trackingNo: text().notNull(),
    carrier: text(),
    note: text(),
    recordedBy: uuid()
      .notNull()
      .references(() => staffUsers.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    linkedRequestId: uuid().references(() => returnRequests.id),
    linkedBy: uuid().references(() => staffUsers.id),
    linkedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // The scan lookup by tracking number; one open record per tracking number (a second scan finds the first).
    index("unmatched_parcels_tracking_idx").on(t.trackingNo),
    uniqueIndex("unmatched_parcels_open_tracking_idx").on(t.trackingNo).where(sql`${t.linkedRequestId} IS NULL`),
    // The two lists (open, linked), newest first with the id as tie-break (keyset pages).
    index("unmatched_parcels_open_idx").on(t.recordedAt, t.id).where(sql`${t.linkedRequestId} IS NULL`),
    index("unmatched_parcels_linked_idx").on(t.linkedAt, t.id).where(sql`${t.linkedRequestId} IS NOT NULL`),
    index("unmatched_parcels_request_idx").on(t.linkedRequestId).where(sql`${t.linkedRequestId} IS NOT NULL`),
    check(
      "unmatched_parcels_link_complete",
      sql`(${t.linkedRequestId} IS NULL AND ${t.linkedBy} IS NULL AND ${t.linkedAt} IS NULL) OR (${t.linkedRequestId} IS NOT NULL AND ${t.linkedBy} IS NOT NULL AND ${t.linkedAt} IS NOT NULL)`,
    ),
  ],
);

/**
 * Photos taken at the packing table, through the evidence photos' pipeline (savePhotoFiles).
 * Uploaded first (unattached, visible to the uploader only), then attached to the parcel or the
 * unmatched parcel they show when that is recorded.
 */
export const parcelPhotos = pgTable(
  "parcel_photos",
  {
    id: uuid().primaryKey().defaultRandom(),
    uploadedBy: uuid()
      .notNull()
      .references(() => staffUsers.id),
    parcelId: uuid().references(() => receiptParcels.id),
    unmatchedParcelId: uuid().references(() => unmatchedParcels.id),
    storageKey: text().notNull().unique(),
    thumbnailKey: text().notNull(),
    contentType: text().notNull(),
    bytes: integer().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    sha256: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("parcel_photos_parcel_idx").on(t.parcelId).where(sql`${t.parcelId} IS NOT NULL`),
    index("parcel_photos_unmatched_idx").on(t.unmatchedParcelId).where(sql`${t.unmatchedParcelId} IS NOT NULL`),
    // A photo shows one parcel or one unmatched parcel, never both.
    check("parcel_photos_one_owner", sql`${t.parcelId} IS NULL OR ${t.unmatchedParcelId} IS NULL`),
  ],
);
