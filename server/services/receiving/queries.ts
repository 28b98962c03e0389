/**
 * The reads of receiving, hand-written: the scan lookup answers in one round of parallel
 * statements, each on an index (rma_no unique, return_requests_tracking_idx, the parcels by
 * request, the lines by request, unmatched parcels by tracking number). They run on the
 * request's client or inside a transaction (postgres-js either way).
 */
import type postgres from "postgres";
import type { TxSql } from "../../../db/client";
import type { Route } from "../../domain/route";
import type { Disposition, ItemCondition, ReturnStatus, ReturnType } from "../../domain/vocabulary";
import { toDate, toDateOrNull } from "../data/values";
import { parcelPhotoUrls } from "./parcel-photos";
import type { ParcelView, UnmatchedParcelView } from "./types";

/** The request's client (db.$client) or a transaction's (sqlOf(tx)). */
export type Sql = postgres.Sql | TxSql;

/** A request as the scan station first needs it (and as read access decides on it). */
export interface RequestCore {
  id: string;
  rmaNo: string;
  type: ReturnType;
  status: ReturnStatus;
  version: number;
  route: Route;
  goodsReceived: boolean;
  returnCarrier: string | null;
  returnTrackingNo: string | null;
  customerName: string;
  customerPhone: string;
  customerAnonymised: boolean;
  createdAt: Date;
}

const CORE_COLUMNS = `r.id, r.rma_no AS "rmaNo", r.type, r.status, r.version, r.route, r.goods_received AS "goodsReceived",
  r.return_carrier AS "returnCarrier", r.return_tracking_no AS "returnTrackingNo", c.name AS "customerName", c.phone AS "customerPhone",
  c.anonymised_at IS NOT NULL AS "customerAnonymised", r.created_at AS "createdAt"`;

const core = (row: RequestCore & { createdAt: string | Date }): RequestCore => ({ ...row, createdAt: toDate(row.createdAt) });

/** By RMA number (unique index). */
export async function requestByRma(sql: Sql, rmaNo: string): Promise<RequestCore | null> {
  const [row] = await sql<RequestCore[]>`
    SELECT ${sql.unsafe(CORE_COLUMNS)} FROM return_requests r JOIN customers c ON c.id = r.customer_id WHERE r.rma_no = ${rmaNo}`;
  return row ? core(row) : null;
}

export async function requestById(sql: Sql, id: string): Promise<RequestCore | null> {
  const [row] = await sql<RequestCore[]>`
    SELECT ${sql.unsafe(CORE_COLUMNS)} FROM return_requests r JOIN customers c ON c.id = r.customer_id WHERE r.id = ${id}`;
  return row ? core(row) : null;
}

/**
 * By the return tracking number the customer entered (return_requests_tracking_idx), as typed
 * and upper-cased. Several requests may name the same parcel (one box for two requests): the
 * one still waiting for goods first, then the newest.
 */
export async function requestByTracking(sql: Sql, codes: readonly string[]): Promise<RequestCore | null> {
  const [row] = await sql<RequestCore[]>`
    SELECT ${sql.unsafe(CORE_COLUMNS)} FROM return_requests r JOIN customers c ON c.id = r.customer_id
    WHERE r.return_tracking_no = ANY(${codes as string[]}::text[]) AND r.return_tracking_no IS NOT NULL -- the partial index's predicate, spelled out for a generic plan
    ORDER BY r.status IN ('awaiting_shipment', 'in_transit') DESC, r.created_at DESC, r.id
    LIMIT 1`;
  return row ? core(row) : null;
}

export interface DeclaredRow {
  returnLineId: string;
  expected: number;
  ordered: number;
  title: string;
  skuId: string;
  skuCode: string;
  attributes: Record<string, string>;
  exchangeSkuCode: string | null;
  exchangeAttributes: Record<string, string> | null;
  receivedSoFar: number;
}

/** The request's lines with what the order sold, the SKU, the wanted variant and the units received so far. */
export async function declaredLines(sql: Sql, requestId: string): Promise<DeclaredRow[]> {
  return sql<DeclaredRow[]>`
    SELECT l.id AS "returnLineId", l.quantity AS expected, ol.quantity AS ordered, ol.title, s.id AS "skuId", s.sku_code AS "skuCode",
           s.attributes, xs.sku_code AS "exchangeSkuCode", xs.attributes AS "exchangeAttributes",
           coalesce((SELECT sum(pl.quantity) FROM receipt_parcel_lines pl WHERE pl.return_line_id = l.id), 0)::int AS "receivedSoFar"
    FROM return_lines l
    JOIN order_lines ol ON ol.id = l.order_line_id
    JOIN skus s ON s.id = ol.sku_id
    LEFT JOIN skus xs ON xs.id = l.exchange_sku_id
    WHERE l.request_id = ${requestId}
    ORDER BY ol.title, l.id`;
}

/** Every unit recorded in the request's parcels, per parcel line (what the comparison sums). */
export async function receivedParts(sql: Sql, requestId: string): Promise<{ returnLineId: string; quantity: number; condition: ItemCondition }[]> {
  return sql<{ returnLineId: string; quantity: number; condition: ItemCondition }[]>`
    SELECT pl.return_line_id AS "returnLineId", pl.quantity, pl.condition
    FROM receipt_parcels p JOIN receipt_parcel_lines pl ON pl.parcel_id = p.id
    WHERE p.request_id = ${requestId}
    ORDER BY p.seq, pl.id`;
}

/** The parcels recorded so far, oldest first, with their lines and photos. */
export async function parcelsOf(sql: Sql, requestId: string): Promise<ParcelView[]> {
  const rows = await sql<(Omit<ParcelView, "receivedAt" | "photos"> & { receivedAt: string | Date; photoIds: string[] })[]>`
    SELECT p.id, p.seq, p.received_at AS "receivedAt", s.name AS "byName", p.tracking_no AS "trackingNo", p.carrier, p.note,
           coalesce((SELECT json_agg(json_build_object('returnLineId', pl.return_line_id, 'quantity', pl.quantity, 'condition', pl.condition,
                                                       'disposition', pl.disposition, 'note', pl.note) ORDER BY pl.id)
                     FROM receipt_parcel_lines pl WHERE pl.parcel_id = p.id), '[]'::json) AS lines,
           coalesce((SELECT json_agg(ph.id ORDER BY ph.created_at, ph.id) FROM parcel_photos ph WHERE ph.parcel_id = p.id), '[]'::json) AS "photoIds"
    FROM receipt_parcels p LEFT JOIN staff_users s ON s.id = p.received_by
    WHERE p.request_id = ${requestId}
    ORDER BY p.seq`;
  return rows.map(({ photoIds, receivedAt, lines, ...p }) => ({
    ...p,
    receivedAt: toDate(receivedAt),
    lines: (lines as { returnLineId: string; quantity: number; condition: ItemCondition; disposition: Disposition; note: string | null }[]).map((l) => ({ ...l })),
    photos: photoIds.map(parcelPhotoUrls),
  }));
}

/** The customer's evidence photos still stored (erased ones have no bytes left). */
export async function customerPhotoIds(sql: Sql, requestId: string): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    SELECT id FROM evidence_photos WHERE request_id = ${requestId} AND erased_at IS NULL ORDER BY created_at, id`;
  return rows.map((r) => r.id);
}

const UNMATCHED_SELECT = `
  SELECT u.id, u.tracking_no AS "trackingNo", u.carrier, u.note, u.recorded_at AS "recordedAt", rs.name AS "recordedByName",
         u.recorded_at::text AS "recordedKey", u.linked_at::text AS "linkedKey", u.linked_request_id AS "linkedRequestId", lr.rma_no AS "linkedRmaNo", u.linked_at AS "linkedAt", ls.name AS "linkedByName",
         coalesce((SELECT json_agg(ph.id ORDER BY ph.created_at, ph.id) FROM parcel_photos ph WHERE ph.unmatched_parcel_id = u.id), '[]'::json) AS "photoIds"
  FROM unmatched_parcels u
  LEFT JOIN staff_users rs ON rs.id = u.recorded_by
  LEFT JOIN staff_users ls ON ls.id = u.linked_by
  LEFT JOIN return_requests lr ON lr.id = u.linked_request_id`;

interface UnmatchedRow {
  id: string;
  trackingNo: string;
  carrier: string | null;
  note: string | null;
  recordedAt: string | Date;
  recordedByName: string | null;
  /** The timestamps as the database prints them (full precision): the list's keyset cursor. */
  recordedKey: string;
  linkedKey: string | null;
  linkedRequestId: string | null;
  linkedRmaNo: string | null;
  linkedAt: string | Date | null;
  linkedByName: string | null;
  photoIds: string[];
}

export function unmatchedView(r: UnmatchedRow): UnmatchedParcelView {
  return {
    id: r.id,
    trackingNo: r.trackingNo,
    carrier: r.carrier,
    note: r.note,
    recordedAt: toDate(r.recordedAt),
    recordedByName: r.recordedByName,
    photos: r.photoIds.map(parcelPhotoUrls),
    linked: r.linkedRequestId ? { requestId: r.linkedRequestId, rmaNo: r.linkedRmaNo!, linkedAt: toDateOrNull(r.linkedAt)!, linkedByName: r.linkedByName } : null,
  };
}

/** Unmatched parcels with this tracking number (unmatched_parcels_tracking_idx): the open one first, then the newest. */
export async function unmatchedByTracking(sql: Sql, codes: readonly string[]): Promise<UnmatchedParcelView | null> {
  const [row] = await sql<UnmatchedRow[]>`
    ${sql.unsafe(UNMATCHED_SELECT)} WHERE u.tracking_no = ANY(${codes as string[]}::text[])
    ORDER BY u.linked_request_id IS NULL DESC, u.recorded_at DESC, u.id LIMIT 1`;
  return row ? unmatchedView(row) : null;
}

export async function unmatchedById(sql: Sql, id: string): Promise<UnmatchedParcelView | null> {
  const [row] = await sql<UnmatchedRow[]>`${sql.unsafe(UNMATCHED_SELECT)} WHERE u.id = ${id}`;
  return row ? unmatchedView(row) : null;
}

/** The unmatched parcels linked to a request (unmatched_parcels_request_idx). */
export async function unmatchedOfRequest(sql: Sql, requestId: string): Promise<UnmatchedParcelView[]> {
  const rows = await sql<UnmatchedRow[]>`${sql.unsafe(UNMATCHED_SELECT)} WHERE u.linked_request_id = ${requestId} ORDER BY u.linked_at, u.id`;
  return rows.map(unmatchedView);
}

export interface PageKey {
  at: string;
  id: string;
}

/** One page of the open (newest recorded first) or linked (newest linked first) list, after `after`, and its last row's key. */
export async function unmatchedPage(sql: Sql, status: "open" | "linked", after: PageKey | null, limit: number): Promise<{ items: UnmatchedParcelView[]; last: PageKey | null }> {
  const rows =
    status === "open"
      ? await sql<UnmatchedRow[]>`
          ${sql.unsafe(UNMATCHED_SELECT)} WHERE u.linked_request_id IS NULL
          ${after ? sql`AND (u.recorded_at, u.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
          ORDER BY u.recorded_at DESC, u.id DESC LIMIT ${limit}`
      : await sql<UnmatchedRow[]>`
          ${sql.unsafe(UNMATCHED_SELECT)} WHERE u.linked_request_id IS NOT NULL
          ${after ? sql`AND (u.linked_at, u.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
          ORDER BY u.linked_at DESC, u.id DESC LIMIT ${limit}`;
  const last = rows.at(-1);
  return { items: rows.map(unmatchedView), last: last ? { at: (status === "open" ? last.recordedKey : last.linkedKey)!, id: last.id } : null };
}
