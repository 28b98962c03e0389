import { sqlOf, type Db, type Tx } from "../../../db/client";
import { AWAITING_GOODS_STATUSES } from "../../domain/awaiting-goods";
import { AppError } from "../../domain/errors";
import { acceptableConditions } from "../../domain/policy";
import { compareReceipt, worstCondition, type ReceiptComparison } from "../../domain/receipt";
import type { ReturnStatus, StaffRole } from "../../domain/vocabulary";
import type { CloseReceiptInput, ParcelLineInput, RecordParcelInput } from "../../schemas/warehouse";
import { applyStep, type Actor } from "../act-on-request";
import { lockRequest, type LockedRequest } from "../data/request-steps";
import { withDbErrors } from "../pg-errors";
import { policyById } from "../policy-store";
import { moveStock } from "../stock/move-stock";
import { attachParcelPhotos } from "./parcel-photos";
import { declaredLines, receivedParts, type DeclaredRow } from "./queries";
import type { CloseReceiptResult, ReceiptOutcome, RecordParcelResult } from "./types";

export interface ReceivingStaff {
  id: string;
  role: StaffRole;
}

const staffActor = (s: ReceivingStaff): Actor => ({ type: "staff", id: s.id, role: s.role });

/**
 * Records one parcel of a request (docs/decisions/028-parcels-add-up.md), all in one transaction:
 * the request locked and its version checked, the parcel and its lines written, the clerk's
 * photos attached, restocked units added to their SKU's stock (a stock movement per parcel line),
 * the parcel recorded in the history (`record_parcel`). Then, when the clerk closes the receipt
 * or every line has all it expected, the parcels so far are compared with the declaration and the
 * request moves on through the `receive` step: a full acceptable match to the refund or the
 * replacement, anything else to operations with the differences in the event.
 */
export async function recordParcel(db: Db, staff: ReceivingStaff, input: RecordParcelInput, now = new Date()): Promise<RecordParcelResult> {
  return withDbErrors(() => db.transaction((tx) => recordParcelIn(tx, staff, input, now)));
}

/** recordParcel in the caller's transaction; `closeComment` goes on the receive step's event (the old one-step receipt). */
export async function recordParcelIn(tx: Tx, staff: ReceivingStaff, input: RecordParcelInput, now: Date, closeComment: string | null = null): Promise<RecordParcelResult> {
  const sql = sqlOf(tx);
  const req = await lockedAwaiting(tx, input.requestId, input.version);
  const declared = await declaredLines(sql, req.id);
  checkLines(declared, input.lines);

  const [parcel] = await sql<{ id: string; seq: number }[]>`
    INSERT INTO receipt_parcels (request_id, seq, tracking_no, carrier, note, received_by, received_at)
    SELECT ${req.id}, coalesce(max(seq), 0) + 1, ${input.trackingNo ?? null}, ${input.carrier ?? null}, ${input.note ?? null}, ${staff.id}, ${now.toISOString()}::timestamptz
    FROM receipt_parcels WHERE request_id = ${req.id}
    RETURNING id, seq`;
  const parcelId = parcel!.id;
  const lineIds = await insertLines(tx, parcelId, input.lines);
  const photoIds = await attachParcelPhotos(tx, staff.id, { parcelId }, input.photoIds);

  // Restocked units go back on the shelf now: the movement names the parcel line it came from.
  const skuOf = new Map(declared.map((d) => [d.returnLineId, d.skuId]));
  for (const l of input.lines) {
    if (l.disposition !== "restock" || l.quantity === 0) continue;
    await moveStock(sql, { skuId: skuOf.get(l.returnLineId)!, delta: l.quantity, reason: "return_restocked", requestId: req.id, sourceRef: lineIds.get(l.returnLineId)!, staffId: staff.id });
  }

  const recorded = await applyStep(
    tx,
    staffActor(staff),
    {
      requestId: req.id,
      expectedVersion: input.version,
      action: "record_parcel",
      comment: input.note ?? null,
      effect: async () => ({
        changes: {
          parcelId,
          parcelSeq: parcel!.seq,
          lines: input.lines.map((l) => ({ returnLineId: l.returnLineId, quantity: l.quantity, condition: l.condition, disposition: l.disposition })),
          photos: photoIds.length,
          // The parcel's tracking number (personal data: erased with the history's other tracking numbers).
          ...(input.trackingNo ? { returnTrackingNo: input.trackingNo, returnCarrier: input.carrier ?? null } : {}),
        },
        // A request whose customer never entered a tracking number takes the parcel's: the next scan finds it.
        shipment: input.trackingNo && req.returnTrackingNo === null ? { returnTrackingNo: input.trackingNo, returnCarrier: input.carrier ?? req.returnCarrier } : undefined,
      }),
    },
    now,
  );

  const comparison = await compare(tx, req, declared);
  if (!input.close && !comparison.complete) {
    return { status: recorded.status as ReturnStatus, version: recorded.version, parcelId, closed: false, outcome: "waiting", differences: comparison.differences };
  }
  const closed = await closeWith(tx, staff, req.id, recorded.version, declared, comparison, now, closeComment);
  return { ...closed, parcelId };
}

/** Closes the receipt with what has arrived so far (compare → receive step). At least one parcel must be recorded. */
export async function closeReceipt(db: Db, staff: ReceivingStaff, input: CloseReceiptInput, now = new Date()): Promise<CloseReceiptResult> {
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      const req = await lockedAwaiting(tx, input.requestId, input.version);
      const sql = sqlOf(tx);
      const [first] = await sql<{ id: string }[]>`SELECT id FROM receipt_parcels WHERE request_id = ${req.id} LIMIT 1`;
      if (!first) throw new AppError("receipt_empty");
      const declared = await declaredLines(sql, req.id);
      return closeWith(tx, staff, req.id, input.version, declared, await compare(tx, req, declared), now, null);
    }),
  );
}

/** The request locked, at the version the clerk saw, waiting for goods; otherwise the refusal that says why. */
async function lockedAwaiting(tx: Tx, requestId: string, version: number): Promise<LockedRequest> {
  const req = await lockRequest(sqlOf(tx), requestId, null);
  if (!req) throw new AppError("not_found");
  if (req.version !== version) throw new AppError("version_conflict");
  if (req.type === "refund_only" || !AWAITING_GOODS_STATUSES.includes(req.status)) throw new AppError("not_awaiting_goods", { status: req.status });
  return req;
}

/** Each line of the parcel names a line of this request once, with at most the units the customer is returning. */
function checkLines(declared: readonly DeclaredRow[], lines: readonly ParcelLineInput[]): void {
  const expected = new Map(declared.map((d) => [d.returnLineId, d.expected]));
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    const max = expected.get(l.returnLineId);
    if (max === undefined || seen.has(l.returnLineId)) throw new AppError("parcel_line_invalid", { field: `lines.${i}.returnLineId` });
    seen.add(l.returnLineId);
    if (l.quantity > max) throw new AppError("parcel_quantity_over", { field: `lines.${i}.quantity`, max });
  });
}

async function insertLines(tx: Tx, parcelId: string, lines: readonly ParcelLineInput[]): Promise<Map<string, string>> {
  const rows = lines.map((l) => ({ parcel_id: parcelId, return_line_id: l.returnLineId, quantity: l.quantity, condition: l.condition, disposition: l.disposition, note: l.note ?? null }));
  const sql = sqlOf(tx);
  const inserted = await sql<{ id: string; returnLineId: string }[]>`
    INSERT INTO receipt_parcel_lines (parcel_id, return_line_id, quantity, condition, disposition, note)
    SELECT parcel_id, return_line_id, quantity, condition, disposition, note
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS x(parcel_id uuid, return_line_id uuid, quantity int, condition item_condition, disposition disposition, note text)
    RETURNING id, return_line_id AS "returnLineId"`;
  return new Map(inserted.map((r) => [r.returnLineId, r.id]));
}

/** Every parcel of the request so far against its declaration, by the acceptable conditions of the policy it was filed under. */
async function compare(tx: Tx, req: LockedRequest, declared: readonly DeclaredRow[]): Promise<ReceiptComparison> {
  const policy = (await policyById(tx, req.policyId)).policy;
  const parts = await receivedParts(sqlOf(tx), req.id);
  return compareReceipt(
    declared.map((d) => ({ returnLineId: d.returnLineId, expected: d.expected, ordered: d.ordered })),
    parts,
    acceptableConditions(policy),
  );
}

/**
 * The receipt closed: the existing `receive` step with the comparison's verdict. The lines'
 * inspection columns get the sum and the worst condition; the event records the differences.
 */
async function closeWith(
  tx: Tx,
  staff: ReceivingStaff,
  requestId: string,
  version: number,
  declared: readonly DeclaredRow[],
  comparison: ReceiptComparison,
  now: Date,
  comment: string | null,
): Promise<CloseReceiptResult> {
  const byLine = new Map(comparison.lines.map((l) => [l.returnLineId, l]));
  const result = await applyStep(
    tx,
    staffActor(staff),
    {
      requestId,
      expectedVersion: version,
      action: "receive",
      comment,
      inspection: {
        lines: declared.map((d) => {
          const l = byLine.get(d.returnLineId)!;
          return { returnLineId: d.returnLineId, receivedQuantity: l.received, condition: worstCondition(l.conditions) };
        }),
      },
      receiptMatches: comparison.matches,
      effect: async () => ({ changes: { differences: comparison.differences } }),
    },
    now,
  );
  const status = result.status as ReturnStatus;
  return { status, version: result.version, closed: true, outcome: outcomeOf(status), differences: comparison.differences };
}

function outcomeOf(status: ReturnStatus): ReceiptOutcome {
  if (status === "inspection_mismatch") return "operations";
  if (status === "pending_replacement") return "replacement";
  return "refund";
}
