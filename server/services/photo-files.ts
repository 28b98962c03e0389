import { processUpload } from "../photos/process-photo";
import { newPhotoKeys, type ObjectStorage } from "../storage";

/**
 * An upload checked and re-encoded (server/photos), its image and thumbnail stored under
 * generated names: the columns a photo row (evidence photo, refund receipt) records. The caller
 * writes its row last, so a failure leaves at most an unreferenced object, never a row pointing at nothing.
 */
export async function savePhotoFiles(storage: ObjectStorage, upload: Buffer, now: Date) {
  const photo = await processUpload(upload);
  const keys = newPhotoKeys(now);
  await storage.put(keys.image, photo.image, photo.contentType);
  await storage.put(keys.thumbnail, photo.thumbnail, photo.contentType);
  return {
    storageKey: keys.image,
    thumbnailKey: keys.thumbnail,
    contentType: photo.contentType,
    bytes: photo.bytes,
    width: photo.width,
    height: photo.height,
    sha256: photo.sha256,
    createdAt: now,
  };
}
