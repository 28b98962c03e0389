import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { receiptParcelLines, receiptParcels, returnEvents, stockMovements, unmatchedParcels } from "../../../../db/schema";
import { makeOrder, staffCaller, submitFor, type LineSpec, type ReturnTypeName } from "../../../test/fixtures";

let serial = 0;

/** A tracking number no other test uses (8–30 letters or digits). */
export function newTrackingNo(prefix = "SF"): string {
  serial += 1;
  return `${prefix}${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e6)}${serial}`.slice(0, 30);
}

/**
 * A request approved by customer service and (unless `ship: false`) shipped by its customer:
 * the warehouse is waiting for its goods.
 */
export async function awaitingGoods(db: Db, lines: LineSpec[], opts: { type?: ReturnTypeName; ship?: boolean; phone?: string } = {}) {
  const made = await makeOrder(db, lines, opts.phone ? { phone: opts.phone } : {});
  const s = await submitFor(db, made, opts.type ?? "return_refund");
  const cs = await staffCaller(db, "customer_service");
  let r = await s.read();
  await cs.caller.staff.approve({ requestId: s.res.id, version: r.version });
  const trackingNo = newTrackingNo();
  if (opts.ship !== false) {
    r = await s.read();
    await s.customer.customer.ship({ requestId: s.res.id, version: r.version, carrier: "sf", trackingNo });
  }
  r = await s.read();
  return { ...s, made, trackingNo, requestId: s.res.id, rmaNo: s.res.rmaNo, lines: r.lines, version: r.version, status: r.status };
}

export async function eventsOf(db: Db, requestId: string) {
  return db.select().from(returnEvents).where(eq(returnEvents.requestId, requestId)).orderBy(asc(returnEvents.seq));
}

export async function parcelsIn(db: Db, requestId: string) {
  const parcels = await db.select().from(receiptParcels).where(eq(receiptParcels.requestId, requestId)).orderBy(asc(receiptParcels.seq));
  const lines = [];
  for (const p of parcels) lines.push(...(await db.select().from(receiptParcelLines).where(eq(receiptParcelLines.parcelId, p.id))));
  return { parcels, lines };
}

export async function movementsOf(db: Db, requestId: string) {
  return db.select().from(stockMovements).where(eq(stockMovements.requestId, requestId));
}

export async function unmatchedRows(db: Db) {
  return db.select().from(unmatchedParcels);
}
