CREATE TYPE "public"."reservation_status" AS ENUM('reserved', 'released', 'taken');--> statement-breakpoint
ALTER TYPE "public"."return_action" ADD VALUE 'convert_to_refund' BEFORE 'approve_refund';--> statement-breakpoint
CREATE TABLE "stock_reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"return_line_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"status" "reservation_status" DEFAULT 'reserved' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	"taken_at" timestamp with time zone,
	"movement_id" uuid,
	CONSTRAINT "stock_reservations_quantity_positive" CHECK ("stock_reservations"."quantity" > 0),
	CONSTRAINT "stock_reservations_status_times" CHECK (("stock_reservations"."status" = 'reserved' AND "stock_reservations"."released_at" IS NULL AND "stock_reservations"."taken_at" IS NULL)
        OR ("stock_reservations"."status" = 'released' AND "stock_reservations"."released_at" IS NOT NULL AND "stock_reservations"."taken_at" IS NULL)
        OR ("stock_reservations"."status" = 'taken' AND "stock_reservations"."taken_at" IS NOT NULL AND "stock_reservations"."released_at" IS NULL AND "stock_reservations"."movement_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "replacement_carrier" text;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "replacement_tracking_no" text;--> statement-breakpoint
ALTER TABLE "stock_reservations" ADD CONSTRAINT "stock_reservations_request_id_return_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."return_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservations" ADD CONSTRAINT "stock_reservations_return_line_id_return_lines_id_fk" FOREIGN KEY ("return_line_id") REFERENCES "public"."return_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservations" ADD CONSTRAINT "stock_reservations_sku_id_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."skus"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservations" ADD CONSTRAINT "stock_reservations_movement_id_stock_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."stock_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stock_reservations_live_line_idx" ON "stock_reservations" USING btree ("return_line_id") WHERE "stock_reservations"."status" = 'reserved';--> statement-breakpoint
CREATE INDEX "stock_reservations_request_idx" ON "stock_reservations" USING btree ("request_id");