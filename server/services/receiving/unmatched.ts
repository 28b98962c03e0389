import { sqlOf, type Db } from "../../../db/client";
import { notAwaitingReason } from "../../domain/awaiting-goods";
import { AppError } from "../../domain/errors";
import type { LinkUnmatchedInput, RecordUnmatchedInput, UnmatchedListInput } from "../../schemas/warehouse";
import { applyStep } from "../act-on-request";
import { withDbErrors } from "../pg-errors";
import { attachParcelPhotos } from "./parcel-photos";
import { unmatchedById, unmatchedPage, type PageKey } from "./queries";
import type { ReceivingStaff } from "./record-parcel";
import type { LinkUnmatchedResult, UnmatchedListResult, UnmatchedParcelView } from "./types";

/** Rows per page of the unmatched list. */
export const UNMATCHED_PAGE_SIZE = 50;

/**
 * A parcel nobody could match, recorded so it is not lost: its tracking number, carrier, note and
 * the clerk's photos. One open record per tracking number (a second scan finds the first).
 */
export async function recordUnmatched(db: Db, staff: ReceivingStaff, input: RecordUnmatchedInput, now = new Date()): Promise<UnmatchedParcelView> {
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      const sql = sqlOf(tx);
      const [row] = await sql<{ id: string }[]>`
        INSERT INTO unmatched_parcels (tracking_no, carrier, note, recorded_by, recorded_at)
        VALUES (${input.trackingNo}, ${input.carrier ?? null}, ${input.note ?? null}, ${staff.id}, ${now.toISOString()}::timestamptz)
        RETURNING id`;
      await attachParcelPhotos(tx, staff.id, { unmatchedParcelId: row!.id }, input.photoIds);
      return (await unmatchedById(sql, row!.id))!;
    }),
  );
}

/** The open (newest recorded first) or linked (newest linked first) unmatched parcels, a page at a time. */
export async function unmatchedList(db: Db, input: UnmatchedListInput): Promise<UnmatchedListResult> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const page = await unmatchedPage(db.$client, input.status, after, UNMATCHED_PAGE_SIZE);
  return { items: page.items, nextCursor: page.items.length === UNMATCHED_PAGE_SIZE && page.last ? encodeCursor(page.last) : null };
}

/**
 * Links an unmatched parcel to the request it belongs to, in one transaction: the parcel row
 * locked (a second link is refused), the request locked and recorded (`link_parcel` in its
 * history, with the parcel's tracking number, carrier and photo count). A request that has no
 * return tracking number takes the parcel's, so a scan of the parcel now finds the request; the
 * photos stay on the unmatched parcel and show on the request (lookup: linkedUnmatched).
 * The request must be waiting for goods: the clerk then inspects the parcel as usual.
 */
export async function linkUnmatched(db: Db, staff: ReceivingStaff, input: LinkUnmatchedInput, now = new Date()): Promise<LinkUnmatchedResult> {
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      const sql = sqlOf(tx);
      const [parcel] = await sql<{ id: string; trackingNo: string; carrier: string | null; linkedRequestId: string | null; photos: number }[]>`
        SELECT u.id, u.tracking_no AS "trackingNo", u.carrier, u.linked_request_id AS "linkedRequestId",
               (SELECT count(*)::int FROM parcel_photos ph WHERE ph.unmatched_parcel_id = u.id) AS photos
        FROM unmatched_parcels u WHERE u.id = ${input.parcelId} FOR UPDATE OF u`;
      if (!parcel) throw new AppError("not_found");
      if (parcel.linkedRequestId) {
        const [linked] = await sql<{ rmaNo: string }[]>`SELECT rma_no AS "rmaNo" FROM return_requests WHERE id = ${parcel.linkedRequestId}`;
        throw new AppError("unmatched_already_linked", { rmaNo: linked?.rmaNo ?? "" });
      }
      const [target] = await sql<{ id: string }[]>`SELECT id FROM return_requests WHERE rma_no = ${input.rmaNo}`;
      if (!target) throw new AppError("not_found");

      const step = await applyStep(
        tx,
        { type: "staff", id: staff.id, role: staff.role },
        {
          requestId: target.id,
          action: "link_parcel",
          precondition: async (req) => {
            if (notAwaitingReason(req) !== null) throw new AppError("not_awaiting_goods", { status: req.status });
          },
          effect: async (req) => ({
            changes: { unmatchedParcelId: parcel.id, returnTrackingNo: parcel.trackingNo, returnCarrier: parcel.carrier, photos: parcel.photos },
            shipment: req.returnTrackingNo === null ? { returnTrackingNo: parcel.trackingNo, returnCarrier: parcel.carrier ?? req.returnCarrier } : undefined,
          }),
        },
        now,
      );
      await sql`
        UPDATE unmatched_parcels SET linked_request_id = ${target.id}, linked_by = ${staff.id}, linked_at = ${now.toISOString()}::timestamptz
        WHERE id = ${parcel.id} AND linked_request_id IS NULL`;
      return { parcelId: parcel.id, requestId: target.id, rmaNo: input.rmaNo, version: step.version };
    }),
  );
}

/** A timestamptz as PostgreSQL prints it (what the cursor carries, full precision) and a uuid. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify([key.at, key.id]), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): PageKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string" && TIMESTAMP.test(parsed[0]) && UUID.test(parsed[1])) {
      return { at: parsed[0], id: parsed[1] };
    }
  } catch {
    // falls through to the refusal
  }
  throw new AppError("cursor_invalid");
}
