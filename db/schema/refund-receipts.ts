import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { refunds } from "./refunds";
import { staffUsers } from "./staff";

/**
 * Images of the receipts finance attaches to an offline refund (a bank-transfer slip, a signed
 * cash note), docs/decisions/024-finance-refund-actions.md. Uploaded first through the photo
 * pipeline (content check + re-encode, server/photos), attached to the refund it proves when the
 * refund is recorded, and served only through an authorised route. `refundId` is null until then.
 */
export const refundReceipts = pgTable(
  "refund_receipts",
  {
    id: uuid().primaryKey().defaultRandom(),
    uploadedBy: uuid()
      .notNull()
      .references(() => staffUsers.id),
    refundId: uuid().references(() => refunds.id),
    storageKey: text().notNull().unique(),
    thumbnailKey: text().notNull(),
    contentType: text().notNull(),
    bytes: integer().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    sha256: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("refund_receipts_refund_idx").on(t.refundId)],
);
