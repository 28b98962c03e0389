ALTER TYPE "public"."return_action" ADD VALUE 'lower_refund' BEFORE 'refund_succeeded';--> statement-breakpoint
ALTER TYPE "public"."return_action" ADD VALUE 'retry_refund' BEFORE 'refund_succeeded';--> statement-breakpoint
ALTER TYPE "public"."return_action" ADD VALUE 'record_offline_refund' BEFORE 'refund_succeeded';--> statement-breakpoint
CREATE TABLE "refund_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"refund_id" uuid,
	"storage_key" text NOT NULL,
	"thumbnail_key" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refund_receipts_storageKey_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "offline_method" text;--> statement-breakpoint
ALTER TABLE "refund_receipts" ADD CONSTRAINT "refund_receipts_uploaded_by_staff_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_receipts" ADD CONSTRAINT "refund_receipts_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refund_receipts_refund_idx" ON "refund_receipts" USING btree ("refund_id");--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_offline_method" CHECK ("refunds"."offline_method" IS NULL OR "refunds"."offline_method" IN ('bank_transfer', 'cash'));