ALTER TABLE "return_requests" ADD COLUMN "category_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
-- Hand-written: backfill the categories of existing requests from their lines (lines never change
-- after submission), before the GIN index is built so it is built once.
UPDATE "return_requests" r SET "category_ids" = l.ids
FROM (SELECT rl.request_id, array_agg(DISTINCT p.category_id) AS ids
      FROM "return_lines" rl
      JOIN "order_lines" ol ON ol.id = rl.order_line_id
      JOIN "skus" s ON s.id = ol.sku_id
      JOIN "products" p ON p.id = s.product_id
      GROUP BY rl.request_id) l
WHERE r.id = l.request_id;--> statement-breakpoint
-- Hand-written: GIN over the status (an enum) needs btree_gin's operator classes; it ships with
-- the embedded server and every managed PostgreSQL, like pg_trgm.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE INDEX "return_requests_status_category_idx" ON "return_requests" USING gin ("status","category_ids");--> statement-breakpoint
CREATE INDEX "return_requests_open_deadline_idx" ON "return_requests" USING btree ("status","deadline_at") WHERE status IN ('pending_cs_review'::return_status, 'pending_ops_review'::return_status, 'needs_info'::return_status, 'rejected'::return_status, 'awaiting_shipment'::return_status, 'in_transit'::return_status, 'inspection_mismatch'::return_status, 'pending_refund_approval'::return_status, 'pending_refund'::return_status, 'refunding'::return_status, 'pending_replacement'::return_status);