import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { GENESIS_HASH } from "../../server/domain/history";
import { OPEN_STATUSES_SQL } from "../../server/domain/open-statuses";
import type { Route } from "../../server/domain/route";
import { skus } from "./catalog";
import { customers } from "./customers";
import { itemCondition, reasonKind, returnStatus, returnType } from "./enums";
import { orderLines, orders } from "./orders";
import { approvalPolicies } from "./policy";
import { returnReasons } from "./reasons";
import { staffUsers } from "./staff";
import { warehouses } from "./warehouses";

export const returnRequests = pgTable(
  "return_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The number the customer sees and writes on the parcel, e.g. RMA20261125A7K3Q9. */
    rmaNo: text().notNull().unique(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    type: returnType().notNull(),
    status: returnStatus().notNull(),
    /** Decided at submission from the policy version below; never recomputed. */
    route: jsonb().$type<Route>().notNull(),
    policyId: uuid()
      .notNull()
      .references(() => approvalPolicies.id),
    requestedRefundFen: integer().notNull(),
    /** Set when operations accepts a partial refund after an inspection mismatch. */
    approvedRefundFen: integer(),
    infoReturnStatus: returnStatus(),
    appealUsed: boolean().notNull().default(false),
    /** Set at warehouse receipt: the parcel is in, cancelling is over. */
    goodsReceived: boolean().notNull().default(false),
    refundApprovedBy: uuid().references(() => staffUsers.id),
    /** A rejection reason's code (return_reasons, kind "rejection"); set by a rejection. */
    rejectionCode: text(),
    /**
     * Always "rejection": with rejection_code it names a row of return_reasons, so the foreign
     * key refuses a customer reason's code here. Never written by the app.
     */
    rejectionKind: reasonKind().notNull().default("rejection"),
    /**
     * Where the parcel goes, chosen at submission from the order's channel and the lines'
     * categories (server/domain/warehouse-choice.ts); kept when the warehouses change later.
     * Rows written outside submission get the default warehouse (default_warehouse_id(), 0023).
     */
    warehouseId: uuid()
      .notNull()
      .default(sql`default_warehouse_id()`)
      .references(() => warehouses.id),
    returnCarrier: text(),
    returnTrackingNo: text(),
    /** The exchange's replacement shipment, recorded by the warehouse's ship_replacement (decision 030). */
    replacementCarrier: text(),
    replacementTrackingNo: text(),
    deadlineAt: timestamp({ withTimezone: true }),
    /**
     * The categories of the request's lines (distinct ids), written with the request at
     * submission: the queue's category filter reads this one column through a GIN index
     * instead of joining lines → order lines → SKUs → products for every candidate row. Lines
     * never change after submission; a product moved to another category later keeps its
     * requests under the category they were filed in (docs/decisions/009-staff-queue.md).
     */
    categoryIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /**
     * The staff user who claimed the request (work in hand; others may not decide it). Claiming
     * does not change the status; it is recorded in the history like any other step.
     */
    holderId: uuid().references(() => staffUsers.id),
    heldAt: timestamp({ withTimezone: true }),
    /** Optimistic lock: every change bumps it; a writer holding an older one gets a conflict. */
    version: integer().notNull().default(1),
    /** The client's key for one submission: a retry or double tap finds the same request. */
    idempotencyKey: text().notNull(),
    /**
     * Seq and hash of the request's newest history event, written in the same statement as the
     * event itself. A step reads them with its SELECT … FOR UPDATE of this row, so it chains its
     * event without another query; UNIQUE(request_id, seq) on return_events still refuses a fork.
     */
    lastEventSeq: integer().notNull().default(0),
    lastEventHash: text().notNull().default(GENESIS_HASH),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set when the request's personal data (notes, tracking number, photos, history comments) was erased. */
    anonymisedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("return_requests_customer_idempotency").on(t.customerId, t.idempotencyKey),
    index("return_requests_status_idx").on(t.status, t.createdAt),
    index("return_requests_deadline_idx").on(t.deadlineAt),
    index("return_requests_customer_idx").on(t.customerId, t.createdAt),
    index("return_requests_order_idx").on(t.orderId),
    // The queue's keyset order per status: (deadline NULLS LAST, created_at, id). A missing deadline sorts as
    // 'infinity' so the order is one row comparison an index can seek to (docs/decisions/009-staff-queue.md).
    index("return_requests_queue_idx").on(t.status, sql`coalesce(${t.deadlineAt}, 'infinity'::timestamptz)`, t.createdAt, t.id),
    // The category filter within one status of the queue: GIN over (status, category_ids) through
    // btree_gin, so each status branch reads only its own matches (migration creates the extension).
    index("return_requests_status_category_idx").using("gin", t.status, t.categoryIds),
    // The navigation counts: every open request by status and deadline, read index-only. The
    // predicate is the open statuses literally; counts.ts names them the same way so the
    // planner can prove the query is covered.
    index("return_requests_open_deadline_idx").on(t.status, t.deadlineAt).where(sql.raw(`status IN (${OPEN_STATUSES_SQL})`)),
    index("return_requests_holder_idx").on(t.holderId).where(sql`${t.holderId} IS NOT NULL`),
    // The retention job's scan: closed requests not yet anonymised, oldest change first.
    index("return_requests_retention_idx").on(t.updatedAt).where(sql`${t.anonymisedAt} IS NULL`),
    index("return_requests_tracking_idx").on(t.returnTrackingNo).where(sql`${t.returnTrackingNo} IS NOT NULL`),
    foreignKey({ name: "return_requests_rejection_reason_fk", columns: [t.rejectionKind, t.rejectionCode], foreignColumns: [returnReasons.kind, returnReasons.code] }),
    check("return_requests_rejection_kind", sql`${t.rejectionKind} = 'rejection'`),
    check("return_requests_requested_nonnegative", sql`${t.requestedRefundFen} >= 0`),
    check(
      "return_requests_approved_within_requested",
      sql`${t.approvedRefundFen} IS NULL OR (${t.approvedRefundFen} >= 0 AND ${t.approvedRefundFen} <= ${t.requestedRefundFen})`,
    ),
  ],
);

export const returnLines = pgTable(
  "return_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => returnRequests.id),
    orderLineId: uuid()
      .notNull()
      .references(() => orderLines.id),
    quantity: integer().notNull(),
    refundFen: integer().notNull(),
    /** A customer reason's code (return_reasons, kind "customer"). */
    reasonCode: text().notNull(),
    /** Always "customer": with reason_code it names a row of return_reasons. Never written by the app. */
    reasonKind: reasonKind().notNull().default("customer"),
    note: text(),
    /** Exchange only: the variant the customer wants instead. */
    exchangeSkuId: uuid().references(() => skus.id),
    /** Filled by the warehouse at inspection. */
    receivedQuantity: integer(),
    condition: itemCondition(),
  },
  (t) => [
    unique("return_lines_request_line").on(t.requestId, t.orderLineId),
    // What other requests hold of an order line (submission's refund ceiling per line).
    index("return_lines_order_line_idx").on(t.orderLineId),
    foreignKey({ name: "return_lines_reason_fk", columns: [t.reasonKind, t.reasonCode], foreignColumns: [returnReasons.kind, returnReasons.code] }),
    check("return_lines_reason_kind", sql`${t.reasonKind} = 'customer'`),
    check("return_lines_quantity_positive", sql`${t.quantity} > 0`),
    check("return_lines_refund_nonnegative", sql`${t.refundFen} >= 0`),
  ],
);

/** Photo metadata; the bytes live in the storage backend (local disk or S3) under storageKey. */
export const evidencePhotos = pgTable(
  "evidence_photos",
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    /** Null while the photo belongs to a draft that has not been submitted yet. */
    requestId: uuid().references(() => returnRequests.id),
    storageKey: text().notNull().unique(),
    thumbnailKey: text().notNull(),
    contentType: text().notNull(),
    bytes: integer().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    sha256: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set when the stored image and thumbnail were deleted (retention or erasure); the row keeps the request's photo count. */
    erasedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("evidence_photos_request_idx").on(t.requestId), index("evidence_photos_customer_idx").on(t.customerId)],
);
