import type { Db } from "../../../db/client";
import { notAwaitingReason } from "../../domain/awaiting-goods";
import { mayRead, mayReadRequest } from "../../domain/read-access";
import type { StaffRole } from "../../domain/vocabulary";
import { maskPhone } from "../mask-phone";
import { customerPhotoIds, declaredLines, parcelsOf, requestById, requestByRma, requestByTracking, unmatchedByTracking, unmatchedOfRequest, type RequestCore, type Sql } from "./queries";
import type { LookupResult, ScanPhoto, ScanRequest } from "./types";

/** An RMA number as printed on the slip (rma-number.ts), in any case a hand or a scanner typed it. */
const RMA_SHAPE = /^RMA\d{8}[0-9A-Z]{8}$/i;

const customerPhoto = (id: string): ScanPhoto => ({ id, url: `/api/photos/${id}`, thumbnailUrl: `/api/photos/${id}?size=thumb` });

/**
 * What the scanner read, answered: a request (by RMA number, by the return tracking number the
 * customer entered, or through an unmatched parcel already linked to it), an unmatched parcel
 * already recorded with this tracking number, or nothing. Reads only: a scan changes nothing.
 * A request the viewer may not read (read-access.ts: the warehouse sees requests with goods, from
 * awaiting shipment on) is answered with its number and status and why it waits for no goods,
 * without its lines, photos or customer.
 */
export async function lookupCode(db: Db, viewer: { id: string; role: StaffRole }, rawCode: string): Promise<LookupResult> {
  const sql = db.$client;
  const code = rawCode.trim();
  const codes = [...new Set([code, code.toUpperCase()])];
  let req = RMA_SHAPE.test(code) ? await requestByRma(sql, code.toUpperCase()) : null;
  req ??= await requestByTracking(sql, codes);
  if (!req) {
    const unmatched = await unmatchedByTracking(sql, codes);
    if (!unmatched) return { kind: "none", code };
    if (!unmatched.linked) return { kind: "unmatched", parcel: unmatched };
    req = await requestById(sql, unmatched.linked.requestId);
    if (!req) return { kind: "unmatched", parcel: unmatched };
  }
  return { kind: "request", request: await scanRequest(sql, req, viewer.role) };
}

/** The request as the station shows it, cut by what the role may read. */
export async function scanRequest(sql: Sql, req: RequestCore, role: StaffRole): Promise<ScanRequest> {
  const notAwaiting = notAwaitingReason(req);
  const readable = mayReadRequest(role, req);
  const [lines, photoIds, parcels, linkedUnmatched] = readable
    ? await Promise.all([
        mayRead(role, "lines") ? declaredLines(sql, req.id) : [],
        mayRead(role, "photos") ? customerPhotoIds(sql, req.id) : [],
        parcelsOf(sql, req.id),
        unmatchedOfRequest(sql, req.id),
      ])
    : [[], [], [], []];
  const contact = readable && mayRead(role, "contact") && !req.customerAnonymised;
  return {
    id: req.id,
    rmaNo: req.rmaNo,
    type: req.type,
    status: req.status,
    version: req.version,
    awaitingGoods: notAwaiting === null,
    notAwaiting,
    customerName: contact ? req.customerName : null,
    customerPhoneMasked: contact ? maskPhone(req.customerPhone) : null,
    returnCarrier: readable ? req.returnCarrier : null,
    returnTrackingNo: readable ? req.returnTrackingNo : null,
    lines: lines.map((l) => ({
      returnLineId: l.returnLineId,
      skuCode: l.skuCode,
      title: l.title,
      attributes: l.attributes,
      // The catalog keeps no product images: the station draws a placeholder.
      imageless: true,
      expectedQuantity: l.expected,
      receivedSoFar: l.receivedSoFar,
      exchangeSku: l.exchangeSkuCode ? { skuCode: l.exchangeSkuCode, attributes: l.exchangeAttributes ?? {} } : null,
    })),
    customerPhotos: photoIds.map(customerPhoto),
    parcels,
    linkedUnmatched,
  };
}
