import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../../db/client";
import { parcelPhotos, receiptParcels, returnRequests, unmatchedParcels } from "../../../db/schema";
import { AppError } from "../../domain/errors";
import { mayRead, mayReadRequest } from "../../domain/read-access";
import type { StaffRole } from "../../domain/vocabulary";
import type { ObjectStorage } from "../../storage";
import { savePhotoFiles } from "../photo-files";
import { hitRateLimit } from "../rate-limit";
import type { ScanPhoto } from "./types";

/** Photos one clerk may upload a day: a busy table takes a few per parcel. */
export const MAX_PARCEL_PHOTO_UPLOADS_PER_DAY = 2000;

/** Who takes photos at the table. */
export const PARCEL_PHOTO_UPLOADERS: readonly StaffRole[] = ["warehouse"];
/** Who sees unmatched parcels (the list is theirs), and so their photos. */
export const UNMATCHED_READERS: readonly StaffRole[] = ["warehouse", "admin"];

export const parcelPhotoUrls = (id: string): ScanPhoto => ({ id, url: `/api/staff/parcel-photos/${id}`, thumbnailUrl: `/api/staff/parcel-photos/${id}?thumb=1` });

/**
 * A photo taken at the packing table through the evidence photos' pipeline (content sniffed,
 * decoded within limits, re-encoded, metadata dropped), recorded as the clerk's unattached photo.
 * The row is written last: a failure leaves no row pointing at nothing.
 */
export async function storeParcelPhoto(db: DbOrTx, storage: ObjectStorage, staffId: string, upload: Buffer, now = new Date()) {
  await hitRateLimit(db, `parcel-photo-upload:staff:${staffId}`, MAX_PARCEL_PHOTO_UPLOADS_PER_DAY, 86_400, now);
  const files = await savePhotoFiles(storage, upload, now);
  const [row] = await db.insert(parcelPhotos).values({ uploadedBy: staffId, ...files }).returning({ id: parcelPhotos.id });
  if (!row) throw new Error("insert returned nothing");
  return { id: row.id, thumbnailUrl: parcelPhotoUrls(row.id).thumbnailUrl };
}

/**
 * Attaches the clerk's own unattached photos to a parcel or an unmatched parcel. Any photo that
 * is someone else's, already attached or unknown refuses the whole record (the caller's
 * transaction rolls back), so a parcel never silently loses a photo the clerk thinks is on it.
 */
export async function attachParcelPhotos(tx: Tx, staffId: string, owner: { parcelId: string } | { unmatchedParcelId: string }, photoIds: readonly string[] | undefined): Promise<string[]> {
  const ids = [...new Set(photoIds ?? [])];
  if (ids.length === 0) return [];
  const attached = await tx
    .update(parcelPhotos)
    .set(owner)
    .where(and(inArray(parcelPhotos.id, ids), eq(parcelPhotos.uploadedBy, staffId), isNull(parcelPhotos.parcelId), isNull(parcelPhotos.unmatchedParcelId)))
    .returning({ id: parcelPhotos.id });
  if (attached.length !== ids.length) throw new AppError("parcel_photo_unavailable", { field: "photoIds" });
  return ids;
}

/**
 * A parcel photo's bytes. Unattached: its uploader only. On a parcel: staff who may read the
 * request and its photos (server/domain/read-access.ts). On an unmatched parcel: the warehouse and
 * the store manager, and once linked also whoever may read the linked request's photos. To
 * anyone else it does not exist.
 */
export async function readParcelPhoto(db: DbOrTx, storage: ObjectStorage, photoId: string, viewer: { id: string; role: StaffRole }, size: "full" | "thumb") {
  const [row] = await db
    .select({
      storageKey: parcelPhotos.storageKey,
      thumbnailKey: parcelPhotos.thumbnailKey,
      contentType: parcelPhotos.contentType,
      sha256: parcelPhotos.sha256,
      uploadedBy: parcelPhotos.uploadedBy,
      parcelId: parcelPhotos.parcelId,
      unmatchedParcelId: parcelPhotos.unmatchedParcelId,
      requestId: returnRequests.id,
      status: returnRequests.status,
      route: returnRequests.route,
      goodsReceived: returnRequests.goodsReceived,
    })
    .from(parcelPhotos)
    .leftJoin(receiptParcels, eq(receiptParcels.id, parcelPhotos.parcelId))
    .leftJoin(unmatchedParcels, eq(unmatchedParcels.id, parcelPhotos.unmatchedParcelId))
    .leftJoin(returnRequests, eq(returnRequests.id, receiptParcels.requestId))
    .where(eq(parcelPhotos.id, photoId));
  if (!row || !(await mayView(db, row, viewer))) throw new AppError("not_found");
  const object = await storage.get(size === "thumb" ? row.thumbnailKey : row.storageKey);
  if (!object) throw new AppError("not_found");
  return { body: object.body, contentType: row.contentType, sha256: row.sha256 };
}

type PhotoRow = {
  uploadedBy: string;
  parcelId: string | null;
  unmatchedParcelId: string | null;
  requestId: string | null;
  status: (typeof returnRequests.$inferSelect)["status"] | null;
  route: (typeof returnRequests.$inferSelect)["route"] | null;
  goodsReceived: boolean | null;
};

async function mayView(db: DbOrTx, row: PhotoRow, viewer: { id: string; role: StaffRole }): Promise<boolean> {
  if (row.parcelId === null && row.unmatchedParcelId === null) return row.uploadedBy === viewer.id;
  if (row.parcelId !== null) return readsRequestPhotos(viewer.role, row);
  if (UNMATCHED_READERS.includes(viewer.role)) return true;
  // A linked unmatched parcel shows on its request: that request's readers see its photos.
  const [linked] = await db
    .select({ status: returnRequests.status, route: returnRequests.route, goodsReceived: returnRequests.goodsReceived })
    .from(unmatchedParcels)
    .innerJoin(returnRequests, eq(returnRequests.id, unmatchedParcels.linkedRequestId))
    .where(eq(unmatchedParcels.id, row.unmatchedParcelId!));
  return linked !== undefined && readsRequestPhotos(viewer.role, linked);
}

function readsRequestPhotos(role: StaffRole, req: { status: PhotoRow["status"]; route: PhotoRow["route"]; goodsReceived: boolean | null }): boolean {
  if (!req.status || !req.route || req.goodsReceived === null) return false;
  return mayRead(role, "photos") && mayReadRequest(role, { status: req.status, route: req.route, goodsReceived: req.goodsReceived });
}
