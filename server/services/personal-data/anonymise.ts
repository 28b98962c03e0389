import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../../db/client";
import { customerSessions, customers, evidencePhotos, orders, returnEvents, returnLines, returnRequests, smsVerifications } from "../../../db/schema";
import { deleteParcelPhotoObjects, eraseReceivingData } from "../receiving/erase";
import { isLegacyHashed, sealPersonal } from "../../domain/history";
import { TERMINAL_STATUSES } from "../../domain/vocabulary";
import type { ObjectStorage } from "../../storage";
import { loadHistory } from "../history-store";

/**
 * Erasing the person from closed requests (docs/decisions/018-personal-data.md). What goes: the
 * line notes, the return tracking number, the photos (objects deleted, rows marked), the
 * history's comments and tracking numbers (their digests stay, so the history verifies), and —
 * once nothing of theirs is still kept — the customer's name, phone, sessions and SMS rows.
 * What stays: statuses, amounts, refunds, the order lines, and every hash.
 */

/** Shown instead of the name; the phone becomes `anonymised:<customer id>` (unique, matches no real number). */
export const ANONYMISED_NAME = "已匿名";

/**
 * Deletes the request's photo objects. Before the transaction that marks the rows: a failure in
 * between leaves rows the next run finds again (deleting a missing object is no error), never a
 * row marked erased whose bytes are still stored.
 */
async function deletePhotoObjects(db: DbOrTx, storage: ObjectStorage, requestIds: readonly string[]): Promise<void> {
  const photos = await db
    .select({ storageKey: evidencePhotos.storageKey, thumbnailKey: evidencePhotos.thumbnailKey })
    .from(evidencePhotos)
    .where(and(inArray(evidencePhotos.requestId, [...requestIds]), isNull(evidencePhotos.erasedAt)));
  for (const p of photos) {
    await storage.delete(p.storageKey);
    await storage.delete(p.thumbnailKey);
  }
}

/** Erases the personal fields of the requests' history events: comment and tracking number out, their digests in. */
async function redactEvents(tx: Tx, requestId: string, now: Date): Promise<void> {
  const events = await loadHistory(tx, requestId);
  const rows = await tx.select({ id: returnEvents.id, seq: returnEvents.seq, redactedAt: returnEvents.redactedAt }).from(returnEvents).where(eq(returnEvents.requestId, requestId));
  const idBySeq = new Map(rows.filter((r) => !r.redactedAt).map((r) => [r.seq, r.id]));
  for (const e of events) {
    const id = idBySeq.get(e.seq);
    if (id === undefined || e.sealed) continue;
    const seals = sealPersonal(e);
    if (!Object.keys(seals).length) continue;
    await tx
      .update(returnEvents)
      .set({
        comment: null,
        changes: sql`${returnEvents.changes} - 'returnTrackingNo'`,
        redactedAt: now,
        // An event chained before sealing existed cannot keep a checkable digest: it keeps its links only.
        sealed: isLegacyHashed(e) ? { legacy: "1" } : seals,
      })
      .where(eq(returnEvents.id, id));
  }
}

/**
 * Anonymises the given requests (callers pick which: closed past retention, or a customer's
 * closed requests on an erasure request). Returns the ids actually anonymised.
 */
export async function anonymiseRequests(db: Db, storage: ObjectStorage, requestIds: readonly string[], now: Date): Promise<string[]> {
  if (!requestIds.length) return [];
  await deletePhotoObjects(db, storage, requestIds);
  await deleteParcelPhotoObjects(db, storage, requestIds);
  return db.transaction(async (tx) => {
    // Locks the rows and re-checks: only closed requests are anonymised, each once.
    const locked = await tx
      .select({ id: returnRequests.id })
      .from(returnRequests)
      .where(and(inArray(returnRequests.id, [...requestIds]), inArray(returnRequests.status, [...TERMINAL_STATUSES]), isNull(returnRequests.anonymisedAt)))
      .for("update");
    const ids = locked.map((r) => r.id);
    if (!ids.length) return [];
    // updated_at stays: it is when the request closed, which is what retention counts from.
    await tx.update(returnRequests).set({ returnTrackingNo: null, anonymisedAt: now }).where(inArray(returnRequests.id, ids));
    await tx.update(returnLines).set({ note: null }).where(inArray(returnLines.requestId, ids));
    await tx.update(evidencePhotos).set({ erasedAt: now }).where(and(inArray(evidencePhotos.requestId, ids), isNull(evidencePhotos.erasedAt)));
    await eraseReceivingData(tx, ids);
    for (const id of ids) await redactEvents(tx, id, now);
    return ids;
  });
}

/**
 * Removes the person from a customer row: name and phone replaced, sessions ended, SMS rows for
 * the phone deleted. The row stays (orders and requests point at it).
 */
export async function anonymiseCustomer(tx: DbOrTx, customerId: string, now: Date): Promise<boolean> {
  const [row] = await tx
    .select({ phone: customers.phone })
    .from(customers)
    .where(and(eq(customers.id, customerId), isNull(customers.anonymisedAt)))
    .for("update");
  if (!row) return false;
  await tx.delete(customerSessions).where(eq(customerSessions.customerId, customerId));
  await tx.delete(smsVerifications).where(eq(smsVerifications.phone, row.phone));
  await tx.update(customers).set({ name: ANONYMISED_NAME, phone: `anonymised:${customerId}`, anonymisedAt: now }).where(eq(customers.id, customerId));
  return true;
}

/** The customer has nothing left that needs them: every request anonymised, no order within `since`. */
export async function nothingKeepsCustomer(db: DbOrTx, customerId: string, since: Date | null): Promise<boolean> {
  const [req] = await db
    .select({ id: returnRequests.id })
    .from(returnRequests)
    .where(and(eq(returnRequests.customerId, customerId), isNull(returnRequests.anonymisedAt)))
    .limit(1);
  if (req) return false;
  if (!since) return true;
  const [recentOrder] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.customerId, customerId), sql`${orders.createdAt} > ${since.toISOString()}::timestamptz`))
    .limit(1);
  return !recentOrder;
}

export interface RetentionRun {
  requests: number;
  customers: number;
  draftPhotos: number;
}

/** Unsubmitted draft photos are deleted after this long: a draft nobody submitted is no evidence of anything. */
export const DRAFT_PHOTO_DAYS = 7;
const BATCH = 100;

/**
 * The retention job: requests closed more than `retentionDays` ago are anonymised, then each of
 * their customers whose requests are all anonymised and who ordered nothing within the period,
 * and stale draft photos are deleted. Idempotent; any number of workers may run it.
 */
export async function anonymiseExpired(db: Db, now: Date, opts: { storage: ObjectStorage; retentionDays: number }): Promise<RetentionRun> {
  const cutoff = new Date(now.getTime() - opts.retentionDays * 86_400_000);
  const run: RetentionRun = { requests: 0, customers: 0, draftPhotos: 0 };
  const touchedCustomers = new Set<string>();
  const skipped: string[] = [];
  for (;;) {
    const due = await db
      .select({ id: returnRequests.id, customerId: returnRequests.customerId })
      .from(returnRequests)
      .where(
        and(
          isNull(returnRequests.anonymisedAt),
          inArray(returnRequests.status, [...TERMINAL_STATUSES]),
          sql`${returnRequests.updatedAt} <= ${cutoff.toISOString()}::timestamptz`,
          skipped.length ? notInArray(returnRequests.id, skipped) : undefined,
        ),
      )
      .orderBy(returnRequests.updatedAt)
      .limit(BATCH);
    if (!due.length) break;
    const done = new Set(await anonymiseRequests(db, opts.storage, due.map((r) => r.id), now));
    run.requests += done.size;
    for (const r of due) {
      if (done.has(r.id)) touchedCustomers.add(r.customerId);
      // Reopened or taken by another worker in between: not this run's to do.
      else skipped.push(r.id);
    }
  }
  for (const customerId of touchedCustomers) {
    const anonymised = await db.transaction(async (tx) => (await nothingKeepsCustomer(tx, customerId, cutoff)) && anonymiseCustomer(tx, customerId, now));
    if (anonymised) run.customers++;
  }
  run.draftPhotos = await deleteStaleDrafts(db, opts.storage, new Date(now.getTime() - DRAFT_PHOTO_DAYS * 86_400_000));
  return run;
}

async function deleteStaleDrafts(db: Db, storage: ObjectStorage, before: Date): Promise<number> {
  const stale = await db
    .delete(evidencePhotos)
    .where(and(isNull(evidencePhotos.requestId), sql`${evidencePhotos.createdAt} < ${before.toISOString()}::timestamptz`))
    .returning({ storageKey: evidencePhotos.storageKey, thumbnailKey: evidencePhotos.thumbnailKey });
  for (const p of stale) {
    await storage.delete(p.storageKey);
    await storage.delete(p.thumbnailKey);
  }
  return stale.length;
}
