import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { refundReceipts } from "../../../db/schema";
import { AppError } from "../../domain/errors";
import type { StaffRole } from "../../domain/vocabulary";
import type { ObjectStorage } from "../../storage";
import { savePhotoFiles } from "../photo-files";
import { hitRateLimit } from "../rate-limit";

/** Receipts one finance user may upload a day: a refund takes one, a retake one more. */
export const MAX_RECEIPT_UPLOADS_PER_DAY = 200;

/** Who may upload a receipt (the finance user recording the refund) and who may look at one. */
export const RECEIPT_UPLOADERS: readonly StaffRole[] = ["finance"];
export const RECEIPT_READERS: readonly StaffRole[] = ["finance", "admin"];

/**
 * A receipt image through the evidence photos' pipeline (server/photos: content sniffed, decoded
 * within limits, re-encoded, metadata dropped), stored under generated names, recorded as the
 * uploader's unattached receipt. The row is written last: a failure leaves no row pointing at nothing.
 */
export async function storeReceipt(db: DbOrTx, storage: ObjectStorage, staffId: string, upload: Buffer, now = new Date()) {
  await hitRateLimit(db, `receipt-upload:staff:${staffId}`, MAX_RECEIPT_UPLOADS_PER_DAY, 86_400, now);
  const files = await savePhotoFiles(storage, upload, now);
  const [row] = await db
    .insert(refundReceipts)
    .values({ uploadedBy: staffId, ...files })
    .returning({ id: refundReceipts.id, width: refundReceipts.width, height: refundReceipts.height, bytes: refundReceipts.bytes });
  if (!row) throw new Error("insert returned nothing");
  return row;
}

/**
 * A receipt's bytes for finance and the store manager: an attached receipt to either, an
 * unattached one to its uploader only. To anyone else it does not exist.
 */
export async function readReceipt(db: DbOrTx, storage: ObjectStorage, receiptId: string, viewer: { id: string; role: StaffRole }, size: "full" | "thumb") {
  if (!RECEIPT_READERS.includes(viewer.role)) throw new AppError("not_found");
  const [row] = await db.select().from(refundReceipts).where(eq(refundReceipts.id, receiptId));
  if (!row || (row.refundId === null && row.uploadedBy !== viewer.id)) throw new AppError("not_found");
  const object = await storage.get(size === "thumb" ? row.thumbnailKey : row.storageKey);
  if (!object) throw new AppError("not_found");
  return { body: object.body, contentType: row.contentType, sha256: row.sha256 };
}

/** The receipts attached to a request's refunds, by refund. */
export async function receiptsOf(db: DbOrTx, refundIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (refundIds.length === 0) return out;
  const rows = await db.select({ id: refundReceipts.id, refundId: refundReceipts.refundId }).from(refundReceipts).where(inArray(refundReceipts.refundId, refundIds));
  for (const r of rows) if (r.refundId) out.set(r.refundId, [...(out.get(r.refundId) ?? []), r.id]);
  return out;
}
