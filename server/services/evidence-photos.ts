import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { evidencePhotos, returnRequests } from "../../db/schema";
import { AppError } from "../domain/errors";
import { mayRead, mayReadRequest } from "../domain/read-access";
import type { StaffRole } from "../domain/vocabulary";
import type { ObjectStorage } from "../storage";
import { savePhotoFiles } from "./photo-files";
import { hitRateLimit } from "./rate-limit";

/**
 * Photos a customer may upload in 24 hours, counted as uploads: a photo deleted (or attached)
 * since still counts, so an upload-then-delete loop cannot store and decode without end.
 * Generous: a request takes a handful of photos, and a retake is one more upload.
 */
export const MAX_PHOTO_UPLOADS_PER_DAY = 60;
const UPLOAD_WINDOW_SECONDS = 86_400;

export interface StoredPhoto {
  id: string;
  width: number;
  height: number;
  bytes: number;
}

/**
 * Counts the upload against the customer's daily quota, checks and re-encodes it
 * (server/photos), stores image and thumbnail under generated
 * names, and records it as the customer's draft photo. The row is written last: a failure
 * leaves at most an unreferenced object, never a row pointing at nothing.
 */
export async function storeEvidencePhoto(db: DbOrTx, storage: ObjectStorage, customerId: string, upload: Buffer, now = new Date()): Promise<StoredPhoto> {
  // Counted before the work, in the shared rate-limit buckets (not by counting the photos that
  // still exist): a refused or failed upload costs a try too. Answers rate_limited with the wait.
  await hitRateLimit(db, `photo-upload:customer:${customerId}`, MAX_PHOTO_UPLOADS_PER_DAY, UPLOAD_WINDOW_SECONDS, now);

  const files = await savePhotoFiles(storage, upload, now);
  const [row] = await db
    .insert(evidencePhotos)
    .values({ customerId, ...files })
    .returning({ id: evidencePhotos.id, width: evidencePhotos.width, height: evidencePhotos.height, bytes: evidencePhotos.bytes });
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export type PhotoViewer = { kind: "customer"; customerId: string } | { kind: "staff"; role: StaffRole };

/**
 * A photo's bytes for someone allowed to see it: its customer, or a staff role that may read
 * the photos of the request it is attached to (server/domain/read-access.ts). A draft photo
 * (not yet part of a request) is its customer's alone.
 */
export async function readEvidencePhoto(db: DbOrTx, storage: ObjectStorage, photoId: string, viewer: PhotoViewer, size: "full" | "thumb") {
  const row = viewer.kind === "customer" ? await customerPhoto(db, photoId, viewer.customerId) : await staffPhoto(db, photoId, viewer.role);
  if (!row) throw new AppError("not_found");
  const object = await storage.get(size === "thumb" ? row.thumbnailKey : row.storageKey);
  if (!object) throw new AppError("not_found");
  return { body: object.body, contentType: row.contentType, sha256: row.sha256 };
}

const photoFields = { storageKey: evidencePhotos.storageKey, thumbnailKey: evidencePhotos.thumbnailKey, contentType: evidencePhotos.contentType, sha256: evidencePhotos.sha256 };

async function customerPhoto(db: DbOrTx, photoId: string, customerId: string) {
  const [row] = await db.select(photoFields).from(evidencePhotos).where(and(eq(evidencePhotos.id, photoId), eq(evidencePhotos.customerId, customerId)));
  return row ?? null;
}

async function staffPhoto(db: DbOrTx, photoId: string, role: StaffRole) {
  if (!mayRead(role, "photos")) return null;
  // The inner join drops drafts: their request_id is NULL.
  const [row] = await db
    .select({ ...photoFields, status: returnRequests.status, route: returnRequests.route, goodsReceived: returnRequests.goodsReceived })
    .from(evidencePhotos)
    .innerJoin(returnRequests, eq(returnRequests.id, evidencePhotos.requestId))
    .where(eq(evidencePhotos.id, photoId));
  return row && mayReadRequest(role, row) ? row : null;
}

/** A customer removes a draft photo before submitting. Attached photos are evidence and stay. */
export async function deleteDraftPhoto(db: DbOrTx, storage: ObjectStorage, customerId: string, photoId: string): Promise<void> {
  const [row] = await db
    .delete(evidencePhotos)
    .where(and(eq(evidencePhotos.id, photoId), eq(evidencePhotos.customerId, customerId), isNull(evidencePhotos.requestId)))
    .returning();
  if (!row) throw new AppError("not_found");
  await storage.delete(row.storageKey);
  await storage.delete(row.thumbnailKey);
}
