CREATE TYPE "public"."reason_kind" AS ENUM('customer', 'rejection');--> statement-breakpoint
CREATE TABLE "return_reasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "reason_kind" NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer NOT NULL,
	"photo_required" boolean DEFAULT false NOT NULL,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_reasons_kind_code" UNIQUE("kind","code"),
	CONSTRAINT "return_reasons_code_format" CHECK ("return_reasons"."code" ~ '^[a-z0-9_]{2,40}$'),
	CONSTRAINT "return_reasons_names_length" CHECK (char_length("return_reasons"."name_zh") BETWEEN 1 AND 40 AND char_length("return_reasons"."name_en") BETWEEN 1 AND 40),
	CONSTRAINT "return_reasons_photo_customer_only" CHECK ("return_reasons"."kind" = 'customer' OR NOT "return_reasons"."photo_required")
);
--> statement-breakpoint
-- Hand-written: the reasons that were enum values become the first rows, with the names the
-- app showed for them, so every existing request keeps its reason and its words.
INSERT INTO "return_reasons" ("kind", "code", "name_zh", "name_en", "position") VALUES
  ('customer', 'quality_problem', '质量问题', 'Quality problem', 1),
  ('customer', 'wrong_item', '发错货', 'Wrong item', 2),
  ('customer', 'damaged_in_transit', '运输破损', 'Damaged in transit', 3),
  ('customer', 'not_as_described', '与描述不符', 'Not as described', 4),
  ('customer', 'missing_parts', '少件/漏发', 'Missing parts', 5),
  ('customer', 'size_not_fit', '尺码不合适', 'Size does not fit', 6),
  ('customer', 'no_longer_wanted', '不想要了（七天无理由）', 'No longer wanted', 7),
  ('customer', 'other', '其他', 'Other', 8),
  ('rejection', 'outside_return_window', '已超过退换货期限', 'Outside the return window', 1),
  ('rejection', 'evidence_insufficient', '凭证不足', 'Not enough evidence', 2),
  ('rejection', 'used_or_damaged_by_customer', '商品已使用或人为损坏', 'Used or damaged by the customer', 3),
  ('rejection', 'not_returnable_category', '该品类不支持退换', 'Category cannot be returned', 4),
  ('rejection', 'suspected_fraud', '疑似欺诈', 'Suspected fraud', 5),
  ('rejection', 'inspection_failed', '验货未通过', 'Inspection failed', 6),
  ('rejection', 'other', '其他原因', 'Other', 7);--> statement-breakpoint
-- Hand-written: the policy in force said which customer reasons were offered, in which order,
-- and which needed photos (evidence.reasons). Those now live on the rows: a disabled reason is
-- retired, the order becomes the position, photoRequired moves over. Later policy versions
-- keep only maxPhotos in force (old JSON with reasons is still read and ignored).
UPDATE "return_reasons" r SET
  "position" = p.ord::int,
  "photo_required" = coalesce((p.rule->>'photoRequired')::boolean, false),
  "retired_at" = CASE WHEN coalesce((p.rule->>'enabled')::boolean, true) THEN NULL ELSE now() END
FROM (
  SELECT e.rule, e.ord
  FROM (SELECT "policy" FROM "approval_policies" ORDER BY "version" DESC LIMIT 1) cur,
       jsonb_array_elements(coalesce(cur."policy"->'evidence'->'reasons', '[]'::jsonb)) WITH ORDINALITY AS e(rule, ord)
) p
WHERE r."kind" = 'customer' AND r."code" = p.rule->>'code';--> statement-breakpoint
ALTER TABLE "return_lines" ALTER COLUMN "reason_code" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "return_requests" ALTER COLUMN "rejection_code" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "return_lines" ADD COLUMN "reason_kind" "reason_kind" DEFAULT 'customer' NOT NULL;--> statement-breakpoint
ALTER TABLE "return_requests" ADD COLUMN "rejection_kind" "reason_kind" DEFAULT 'rejection' NOT NULL;--> statement-breakpoint
ALTER TABLE "return_reasons" ADD CONSTRAINT "return_reasons_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_lines" ADD CONSTRAINT "return_lines_reason_fk" FOREIGN KEY ("reason_kind","reason_code") REFERENCES "public"."return_reasons"("kind","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_requests" ADD CONSTRAINT "return_requests_rejection_reason_fk" FOREIGN KEY ("rejection_kind","rejection_code") REFERENCES "public"."return_reasons"("kind","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_lines" ADD CONSTRAINT "return_lines_reason_kind" CHECK ("return_lines"."reason_kind" = 'customer');--> statement-breakpoint
ALTER TABLE "return_requests" ADD CONSTRAINT "return_requests_rejection_kind" CHECK ("return_requests"."rejection_kind" = 'rejection');--> statement-breakpoint
DROP TYPE "public"."reason_code";--> statement-breakpoint
DROP TYPE "public"."rejection_code";