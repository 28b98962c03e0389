import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { evidencePhotos } from "../../db/schema";

/**
 * Attaches a customer's uploaded, not yet attached photos to a request; other people's photos
 * and photos already on a request are silently left alone. Returns how many were attached.
 * (A submission attaches its photos in its own statement: data/submission.ts.)
 */
export async function attachPhotos(tx: Tx, customerId: string, requestId: string, photoIds: readonly string[] | undefined): Promise<number> {
  if (!photoIds?.length) return 0;
  const attached = await tx
    .update(evidencePhotos)
    .set({ requestId })
    .where(and(inArray(evidencePhotos.id, [...photoIds]), eq(evidencePhotos.customerId, customerId), isNull(evidencePhotos.requestId)))
    .returning({ id: evidencePhotos.id });
  return attached.length;
}
