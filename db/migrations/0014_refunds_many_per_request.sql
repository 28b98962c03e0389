CREATE TYPE "public"."refund_channel" AS ENUM('alipay', 'wechat_pay', 'offline', 'platform');--> statement-breakpoint
CREATE TYPE "public"."refund_kind" AS ENUM('goods', 'price_difference', 'postage');--> statement-breakpoint
-- Hand-edited: the status type is recreated rather than extended with ADD VALUE, because all
-- migrations run in one transaction and PostgreSQL refuses values added by ADD VALUE until it
-- commits (the partial unique index below names them).
ALTER TYPE "public"."refund_status" RENAME TO "refund_status_before_0014";--> statement-breakpoint
CREATE TYPE "public"."refund_status" AS ENUM('pending', 'processing', 'succeeded', 'failed', 'closed', 'abnormal');--> statement-breakpoint
ALTER TABLE "refunds" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "refunds" ALTER COLUMN "status" TYPE "public"."refund_status" USING "status"::text::"public"."refund_status";--> statement-breakpoint
ALTER TABLE "refunds" ALTER COLUMN "status" SET DEFAULT 'pending';--> statement-breakpoint
DROP TYPE "public"."refund_status_before_0014";--> statement-breakpoint
ALTER TABLE "refunds" DROP CONSTRAINT "refunds_requestId_unique";--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "kind" "refund_kind" DEFAULT 'goods' NOT NULL;--> statement-breakpoint
-- Hand-edited: existing refunds get the channel their order's payment method implies.
ALTER TABLE "refunds" ADD COLUMN "channel" "refund_channel";--> statement-breakpoint
UPDATE "refunds" SET "channel" = CASE "gateway" WHEN 'alipay' THEN 'alipay' WHEN 'wechat_pay' THEN 'wechat_pay' WHEN 'platform' THEN 'platform' ELSE 'offline' END::"refund_channel";--> statement-breakpoint
ALTER TABLE "refunds" ALTER COLUMN "channel" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "last_answer" jsonb;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "next_check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "replaces_refund_id" uuid;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "offline_reference" text;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "succeeded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_replaces_refund_id_refunds_id_fk" FOREIGN KEY ("replaces_refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refunds_request_idx" ON "refunds" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "refunds_next_check_idx" ON "refunds" USING btree ("next_check_at") WHERE "refunds"."next_check_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "refunds_updated_idx" ON "refunds" USING btree ("updated_at");;--> statement-breakpoint
-- Hand-written: a refund that was left waiting before this release is asked about by the reconciler at once.
UPDATE "refunds" SET "next_check_at" = now() WHERE "status" = 'pending';--> statement-breakpoint
UPDATE "refunds" SET "succeeded_at" = "updated_at" WHERE "status" = 'succeeded';--> statement-breakpoint
-- Hand-written: at most one live refund per request and kind (docs/decisions/021-refunds-exactly-once.md).
CREATE UNIQUE INDEX "refunds_one_live_per_kind" ON "refunds" ("request_id", "kind") WHERE "status" IN ('pending', 'processing', 'abnormal');
