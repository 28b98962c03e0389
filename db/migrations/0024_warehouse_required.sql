ALTER TABLE "return_requests" ALTER COLUMN "warehouse_id" SET DEFAULT default_warehouse_id();--> statement-breakpoint
ALTER TABLE "return_requests" ALTER COLUMN "warehouse_id" SET NOT NULL;