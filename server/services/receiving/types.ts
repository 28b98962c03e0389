import type { NotAwaitingReason } from "../../domain/awaiting-goods";
import type { Disposition, ItemCondition, ReturnStatus, ReturnType } from "../../domain/vocabulary";

/**
 * The answers of the `warehouse` router (server/api/routers/warehouse.ts): the contract between
 * receiving (server) and the scan station (client). Plain types, no runtime code.
 */

export { NOT_AWAITING_REASONS, type NotAwaitingReason } from "../../domain/awaiting-goods";

/** A photo behind an authorised route (customer evidence: /api/photos; parcel: /api/staff/parcel-photos). */
export interface ScanPhoto {
  id: string;
  thumbnailUrl: string;
  url: string;
}

export interface ScanLine {
  returnLineId: string;
  skuCode: string;
  /** The order line's title as sold. */
  title: string;
  /** e.g. {"颜色":"黑色","尺码":"M"} */
  attributes: Record<string, string>;
  /** The catalog keeps no product images: the station shows a placeholder (always true today). */
  imageless: boolean;
  expectedQuantity: number;
  /** Units of this line in the parcels recorded so far. */
  receivedSoFar: number;
  /** Exchange only: the variant the customer wants instead. */
  exchangeSku?: { skuCode: string; attributes: Record<string, string> } | null;
}

export interface ParcelLineView {
  returnLineId: string;
  quantity: number;
  condition: ItemCondition;
  disposition: Disposition;
  note: string | null;
}

export interface ParcelView {
  id: string;
  /** 1, 2, … per request, in the order they were recorded. */
  seq: number;
  receivedAt: Date;
  /** The warehouse clerk who recorded it. */
  byName: string | null;
  trackingNo: string | null;
  carrier: string | null;
  note: string | null;
  lines: ParcelLineView[];
  photos: ScanPhoto[];
}

export interface ScanRequest {
  id: string;
  rmaNo: string;
  type: ReturnType;
  status: ReturnStatus;
  version: number;
  /** awaiting_shipment or in_transit, goods expected: parcels may be recorded. */
  awaitingGoods: boolean;
  notAwaiting: NotAwaitingReason | null;
  customerName: string | null;
  /** e.g. 138****5678 */
  customerPhoneMasked: string | null;
  returnCarrier: string | null;
  returnTrackingNo: string | null;
  lines: ScanLine[];
  customerPhotos: ScanPhoto[];
  parcels: ParcelView[];
  /** Parcels first recorded as unmatched and later linked to this request (their tracking number, photos). */
  linkedUnmatched: UnmatchedParcelView[];
}

export interface UnmatchedParcelView {
  id: string;
  trackingNo: string;
  carrier: string | null;
  note: string | null;
  recordedAt: Date;
  recordedByName: string | null;
  photos: ScanPhoto[];
  /** Set once linked to a request. */
  linked: { requestId: string; rmaNo: string; linkedAt: Date; linkedByName: string | null } | null;
}

export type LookupResult =
  | { kind: "request"; request: ScanRequest }
  | { kind: "unmatched"; parcel: UnmatchedParcelView }
  | { kind: "none"; code: string };

/** One line's comparison of what arrived (all parcels) with what was declared. */
export interface LineDifference {
  returnLineId: string;
  expected: number;
  received: number;
  /** The distinct conditions the received units were recorded with. */
  conditions: ItemCondition[];
  /** Every received unit is in a condition the policy accepts. */
  acceptable: boolean;
}

/** Where the request went: still waiting for parcels, or on to refund / replacement / operations. */
export type ReceiptOutcome = "waiting" | "refund" | "replacement" | "operations";

export interface RecordParcelResult {
  status: ReturnStatus;
  version: number;
  parcelId: string;
  closed: boolean;
  outcome: ReceiptOutcome;
  /**
   * The lines that differ from the declaration: when closed, what operations will see (empty on a
   * full acceptable match); while waiting, what is still missing or not acceptable so far.
   */
  differences: LineDifference[];
}

export type CloseReceiptResult = Omit<RecordParcelResult, "parcelId" | "closed"> & { closed: true };

export interface UnmatchedListResult {
  items: UnmatchedParcelView[];
  nextCursor: string | null;
}

export interface LinkUnmatchedResult {
  parcelId: string;
  requestId: string;
  rmaNo: string;
  /** The request's version after the link was recorded in its history. */
  version: number;
}
