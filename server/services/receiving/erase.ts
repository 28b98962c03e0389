import type { Db, Tx } from "../../../db/client";
import { sqlOf } from "../../../db/client";
import type { ObjectStorage } from "../../storage";

/**
 * Receiving's share of erasing a person from closed requests (docs/decisions/018, 028): the
 * parcels' tracking numbers and notes, the parcel lines' notes, the notes and tracking numbers of
 * unmatched parcels linked to the requests, and the photos taken at the table (they may show the
 * shipping label: name, phone, address). What was received, in what condition and what was done
 * with it stays.
 */

/** Photo rows of the requests' parcels and linked unmatched parcels (shared by the two steps below). */
const PHOTOS_OF = `
  SELECT ph.id, ph.storage_key AS "storageKey", ph.thumbnail_key AS "thumbnailKey" FROM parcel_photos ph
  WHERE ph.parcel_id IN (SELECT id FROM receipt_parcels WHERE request_id = ANY($1::uuid[]))
     OR ph.unmatched_parcel_id IN (SELECT id FROM unmatched_parcels WHERE linked_request_id = ANY($1::uuid[]))`;

/**
 * Deletes the photos' stored objects. Before the transaction that deletes their rows, like the
 * evidence photos: a failure in between leaves rows the next run finds again (deleting a missing
 * object is no error), never a row whose bytes outlived the erasure.
 */
export async function deleteParcelPhotoObjects(db: Db, storage: ObjectStorage, requestIds: readonly string[]): Promise<void> {
  const photos = (await db.$client.unsafe(PHOTOS_OF, [requestIds as string[]])) as unknown as { storageKey: string; thumbnailKey: string }[];
  for (const p of photos) {
    await storage.delete(p.storageKey);
    await storage.delete(p.thumbnailKey);
  }
}

/** The rows' personal fields, in the anonymisation's transaction. The photos' count stays in the history (record_parcel). */
export async function eraseReceivingData(tx: Tx, requestIds: readonly string[]): Promise<void> {
  const sql = sqlOf(tx);
  const ids = requestIds as string[];
  await sql.unsafe(`DELETE FROM parcel_photos WHERE id IN (SELECT id FROM (${PHOTOS_OF}) p)`, [ids]);
  await sql`UPDATE receipt_parcels SET tracking_no = NULL, note = NULL WHERE request_id = ANY(${ids}::uuid[])`;
  await sql`UPDATE receipt_parcel_lines SET note = NULL WHERE parcel_id IN (SELECT id FROM receipt_parcels WHERE request_id = ANY(${ids}::uuid[]))`;
  // A linked record is out of the open list's unique tracking number, so a placeholder may repeat.
  await sql`UPDATE unmatched_parcels SET tracking_no = 'anonymised', carrier = NULL, note = NULL WHERE linked_request_id = ANY(${ids}::uuid[])`;
}
