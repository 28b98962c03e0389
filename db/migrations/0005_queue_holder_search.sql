CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TYPE "public"."return_action" ADD VALUE 'claim';--> statement-breakpoint
ALTER TYPE "public"."return_action" ADD VALUE 'release';--> statement-breakpoint
ALTER TYPE "public"."return_action" ADD VALUE 'assign';--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "holder_id" uuid;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "held_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "return_requests" ADD CONSTRAINT "return_requests_holder_id_staff_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_phone_last4_idx" ON "customers" USING btree (right("phone", 4));--> statement-breakpoint
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "return_requests_queue_idx" ON "return_requests" USING btree ("status",coalesce("deadline_at", 'infinity'::timestamptz),"created_at","id");--> statement-breakpoint
CREATE INDEX "return_requests_holder_idx" ON "return_requests" USING btree ("holder_id") WHERE "return_requests"."holder_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "return_requests_tracking_idx" ON "return_requests" USING btree ("return_tracking_no") WHERE "return_requests"."return_tracking_no" IS NOT NULL;