import { and, asc, desc, eq, inArray, isNull, notInArray } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../db/client";
import { customers, erasureRequests, returnRequests, staffAudit } from "../../../db/schema";
import { AppError } from "../../domain/errors";
import { maskPhone } from "../mask-phone";
import { TERMINAL_STATUSES } from "../../domain/vocabulary";
import type { ObjectStorage } from "../../storage";
import { anonymiseCustomer, anonymiseRequests } from "./anonymise";

/**
 * A customer's request to erase their personal data (PIPL art. 47) and its fulfilment by the
 * store manager (docs/decisions/018-personal-data.md). Fulfilling anonymises every closed request
 * of the customer now, whatever the retention period; open requests stay as they are (the shop
 * still owes the customer their outcome), and so do amounts and refund records (accounting).
 * The customer row itself is anonymised once no open request needs it.
 */

export interface ErasureOutcome {
  anonymisedRequests: number;
  /** RMA numbers of requests still open, kept until they close (then retention applies). */
  keptOpen: string[];
  customerAnonymised: boolean;
}

/** One pending request per customer: asking twice returns the pending one. */
export async function requestErasure(db: Db, customerId: string): Promise<{ id: string; status: string; createdAt: Date }> {
  return db.transaction(async (tx) => {
    // Serialises two taps of the button for the same customer.
    await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for("update");
    const [pending] = await tx
      .select({ id: erasureRequests.id, status: erasureRequests.status, createdAt: erasureRequests.createdAt })
      .from(erasureRequests)
      .where(and(eq(erasureRequests.customerId, customerId), eq(erasureRequests.status, "pending")));
    if (pending) return pending;
    const [created] = await tx.insert(erasureRequests).values({ customerId }).returning({ id: erasureRequests.id, status: erasureRequests.status, createdAt: erasureRequests.createdAt });
    return created!;
  });
}

/** A customer's own erasure requests, newest first (the account page and the data export). */
export async function listErasureRequests(db: DbOrTx, customerId: string) {
  return db
    .select({ id: erasureRequests.id, status: erasureRequests.status, createdAt: erasureRequests.createdAt, fulfilledAt: erasureRequests.fulfilledAt, outcome: erasureRequests.outcome })
    .from(erasureRequests)
    .where(eq(erasureRequests.customerId, customerId))
    .orderBy(desc(erasureRequests.createdAt));
}

/** The store manager's list: pending ones oldest first, then the last fulfilled ones. Phones masked. */
export async function listErasureRequestsForStaff(db: DbOrTx, limit = 50) {
  const rows = await db
    .select({
      id: erasureRequests.id,
      status: erasureRequests.status,
      createdAt: erasureRequests.createdAt,
      fulfilledAt: erasureRequests.fulfilledAt,
      outcome: erasureRequests.outcome,
      customerName: customers.name,
      customerPhone: customers.phone,
      customerAnonymisedAt: customers.anonymisedAt,
    })
    .from(erasureRequests)
    .innerJoin(customers, eq(customers.id, erasureRequests.customerId))
    .orderBy(desc(eq(erasureRequests.status, "pending")), asc(erasureRequests.fulfilledAt), asc(erasureRequests.createdAt))
    .limit(limit);
  return rows.map(({ customerPhone, customerAnonymisedAt, ...r }) => ({
    ...r,
    customerPhone: customerAnonymisedAt ? null : maskPhone(customerPhone),
    outcome: (r.outcome ?? null) as ErasureOutcome | null,
  }));
}

/** Fulfils a pending erasure request; recorded in staff_audit. A second fulfilment is not_found. */
export async function fulfilErasure(db: Db, storage: ObjectStorage, staffId: string, erasureId: string, now = new Date()): Promise<ErasureOutcome> {
  const [pending] = await db
    .select({ customerId: erasureRequests.customerId })
    .from(erasureRequests)
    .where(and(eq(erasureRequests.id, erasureId), eq(erasureRequests.status, "pending")));
  if (!pending) throw new AppError("not_found");
  const closed = await db
    .select({ id: returnRequests.id })
    .from(returnRequests)
    .where(and(eq(returnRequests.customerId, pending.customerId), inArray(returnRequests.status, [...TERMINAL_STATUSES]), isNull(returnRequests.anonymisedAt)));
  const anonymised = await anonymiseRequests(db, storage, closed.map((r) => r.id), now);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .select({ id: erasureRequests.id })
      .from(erasureRequests)
      .where(and(eq(erasureRequests.id, erasureId), eq(erasureRequests.status, "pending")))
      .for("update");
    if (!claimed) throw new AppError("not_found");
    const open = await tx
      .select({ rmaNo: returnRequests.rmaNo })
      .from(returnRequests)
      .where(and(eq(returnRequests.customerId, pending.customerId), notInArray(returnRequests.status, [...TERMINAL_STATUSES])))
      .orderBy(asc(returnRequests.createdAt));
    const customerAnonymised = open.length === 0 && (await anonymiseCustomer(tx, pending.customerId, now));
    const outcome: ErasureOutcome = { anonymisedRequests: anonymised.length, keptOpen: open.map((r) => r.rmaNo), customerAnonymised };
    await tx.update(erasureRequests).set({ status: "fulfilled", fulfilledAt: now, fulfilledBy: staffId, outcome: { ...outcome } }).where(eq(erasureRequests.id, erasureId));
    await tx.insert(staffAudit).values({ actorId: staffId, targetId: null, action: "fulfil_erasure", details: { erasureRequestId: erasureId, ...outcome }, createdAt: now });
    return outcome;
  });
}
