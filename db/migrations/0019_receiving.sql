CREATE TYPE "public"."disposition" AS ENUM('restock', 'quarantine', 'scrap', 'repair');--> statement-breakpoint
ALTER TYPE "public"."return_action" ADD VALUE 'record_parcel' BEFORE 'approve_refund';--> statement-breakpoint
ALTER TYPE "public"."return_action" ADD VALUE 'link_parcel' BEFORE 'approve_refund';--> statement-breakpoint
CREATE TABLE "parcel_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"parcel_id" uuid,
	"unmatched_parcel_id" uuid,
	"storage_key" text NOT NULL,
	"thumbnail_key" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parcel_photos_storageKey_unique" UNIQUE("storage_key"),
	CONSTRAINT "parcel_photos_one_owner" CHECK ("parcel_photos"."parcel_id" IS NULL OR "parcel_photos"."unmatched_parcel_id" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "receipt_parcel_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parcel_id" uuid NOT NULL,
	"return_line_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"condition" "item_condition" NOT NULL,
	"disposition" "disposition" NOT NULL,
	"note" text,
	CONSTRAINT "receipt_parcel_lines_parcel_line" UNIQUE("parcel_id","return_line_id"),
	CONSTRAINT "receipt_parcel_lines_quantity_nonnegative" CHECK ("receipt_parcel_lines"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "receipt_parcels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"tracking_no" text,
	"carrier" text,
	"note" text,
	"received_by" uuid NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "receipt_parcels_request_seq" UNIQUE("request_id","seq"),
	CONSTRAINT "receipt_parcels_seq_positive" CHECK ("receipt_parcels"."seq" > 0)
);
--> statement-breakpoint
CREATE TABLE "unmatched_parcels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_no" text NOT NULL,
	"carrier" text,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"linked_request_id" uuid,
	"linked_by" uuid,
	"linked_at" timestamp with time zone,
	CONSTRAINT "unmatched_parcels_link_complete" CHECK (("unmatched_parcels"."linked_request_id" IS NULL AND "unmatched_parcels"."linked_by" IS NULL AND "unmatched_parcels"."linked_at" IS NULL) OR ("unmatched_parcels"."linked_request_id" IS NOT NULL AND "unmatched_parcels"."linked_by" IS NOT NULL AND "unmatched_parcels"."linked_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "parcel_photos" ADD CONSTRAINT "parcel_photos_uploaded_by_staff_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcel_photos" ADD CONSTRAINT "parcel_photos_parcel_id_receipt_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."receipt_parcels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcel_photos" ADD CONSTRAINT "parcel_photos_unmatched_parcel_id_unmatched_parcels_id_fk" FOREIGN KEY ("unmatched_parcel_id") REFERENCES "public"."unmatched_parcels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_parcel_lines" ADD CONSTRAINT "receipt_parcel_lines_parcel_id_receipt_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."receipt_parcels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_parcel_lines" ADD CONSTRAINT "receipt_parcel_lines_return_line_id_return_lines_id_fk" FOREIGN KEY ("return_line_id") REFERENCES "public"."return_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_parcels" ADD CONSTRAINT "receipt_parcels_request_id_return_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."return_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_parcels" ADD CONSTRAINT "receipt_parcels_received_by_staff_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmatched_parcels" ADD CONSTRAINT "unmatched_parcels_recorded_by_staff_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmatched_parcels" ADD CONSTRAINT "unmatched_parcels_linked_request_id_return_requests_id_fk" FOREIGN KEY ("linked_request_id") REFERENCES "public"."return_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmatched_parcels" ADD CONSTRAINT "unmatched_parcels_linked_by_staff_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "parcel_photos_parcel_idx" ON "parcel_photos" USING btree ("parcel_id") WHERE "parcel_photos"."parcel_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "parcel_photos_unmatched_idx" ON "parcel_photos" USING btree ("unmatched_parcel_id") WHERE "parcel_photos"."unmatched_parcel_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "receipt_parcel_lines_return_line_idx" ON "receipt_parcel_lines" USING btree ("return_line_id");--> statement-breakpoint
CREATE INDEX "unmatched_parcels_tracking_idx" ON "unmatched_parcels" USING btree ("tracking_no");--> statement-breakpoint
CREATE UNIQUE INDEX "unmatched_parcels_open_tracking_idx" ON "unmatched_parcels" USING btree ("tracking_no") WHERE "unmatched_parcels"."linked_request_id" IS NULL;--> statement-breakpoint
CREATE INDEX "unmatched_parcels_open_idx" ON "unmatched_parcels" USING btree ("recorded_at","id") WHERE "unmatched_parcels"."linked_request_id" IS NULL;--> statement-breakpoint
CREATE INDEX "unmatched_parcels_linked_idx" ON "unmatched_parcels" USING btree ("linked_at","id") WHERE "unmatched_parcels"."linked_request_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "unmatched_parcels_request_idx" ON "unmatched_parcels" USING btree ("linked_request_id") WHERE "unmatched_parcels"."linked_request_id" IS NOT NULL;