DROP TABLE "sms_outbox" CASCADE;--> statement-breakpoint
ALTER TABLE "sms_verifications" ADD COLUMN "delivery_status" text;--> statement-breakpoint
ALTER TABLE "sms_verifications" ADD COLUMN "provider_message_id" text;