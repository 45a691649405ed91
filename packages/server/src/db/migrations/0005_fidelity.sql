ALTER TABLE "accounts" ADD COLUMN "job_type" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "model_number" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "update_status" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "external_connection" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "bcp_plans" ADD COLUMN "planned_on" text;--> statement-breakpoint
ALTER TABLE "vendor_contracts" ADD COLUMN "handles_patient_data" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Issue 11: the 2025 edition renumbered to the ministry's circled numbers (see packages/domain/editions/README.md).
-- Stored answers, evidence, vendor exclusions, vendor comments and answer sets of 2025 forms move with their items.
-- Two steps ('~' + new id, then strip) because ids are swapped among themselves and (assessment, item, round) is unique.
WITH moved(old_id, new_id) AS (VALUES ('1(2)', '3(4)'), ('2(6)@server', '2(11)@server'), ('2(7)', '2(6)'), ('2(8)@network', '2(13)@network'), ('2(9)@server', '2(12)@server'), ('2(9)@terminal', '2(12)@terminal'), ('2(10)', '2(7)'), ('2(11)', '2(8)'), ('2(12)', '2(9)'), ('2(13)', '2(10)'))
UPDATE "answer_rounds" r SET "item_id" = '~' || m.new_id FROM moved m, "assessments" a WHERE r."item_id" = m.old_id AND r."assessment_id" = a."id" AND a."edition" = '2025';--> statement-breakpoint
UPDATE "answer_rounds" SET "item_id" = substr("item_id", 2) WHERE "item_id" LIKE '~%';--> statement-breakpoint
WITH moved(old_id, new_id) AS (VALUES ('1(2)', '3(4)'), ('2(6)@server', '2(11)@server'), ('2(7)', '2(6)'), ('2(8)@network', '2(13)@network'), ('2(9)@server', '2(12)@server'), ('2(9)@terminal', '2(12)@terminal'), ('2(10)', '2(7)'), ('2(11)', '2(8)'), ('2(12)', '2(9)'), ('2(13)', '2(10)'))
UPDATE "answer_evidence" r SET "item_id" = m.new_id FROM moved m, "assessments" a WHERE r."item_id" = m.old_id AND r."assessment_id" = a."id" AND a."edition" = '2025';--> statement-breakpoint
WITH moved(old_id, new_id) AS (VALUES ('1(2)', '3(4)'), ('2(6)@server', '2(11)@server'), ('2(7)', '2(6)'), ('2(8)@network', '2(13)@network'), ('2(9)@server', '2(12)@server'), ('2(9)@terminal', '2(12)@terminal'), ('2(10)', '2(7)'), ('2(11)', '2(8)'), ('2(12)', '2(9)'), ('2(13)', '2(10)'))
UPDATE "vendor_form_comments" r SET "item_id" = m.new_id FROM moved m, "assessments" a WHERE r."item_id" = m.old_id AND r."assessment_id" = a."id" AND a."edition" = '2025';--> statement-breakpoint
WITH moved(old_id, new_id) AS (VALUES ('1(2)', '3(4)'), ('2(6)@server', '2(11)@server'), ('2(7)', '2(6)'), ('2(8)@network', '2(13)@network'), ('2(9)@server', '2(12)@server'), ('2(9)@terminal', '2(12)@terminal'), ('2(10)', '2(7)'), ('2(11)', '2(8)'), ('2(12)', '2(9)'), ('2(13)', '2(10)'))
UPDATE "assessments" a SET "excluded_items" = (
  SELECT coalesce(jsonb_agg(to_jsonb(coalesce(m.new_id, e.value #>> '{}')) ORDER BY e.n), '[]'::jsonb)
  FROM jsonb_array_elements(a."excluded_items") WITH ORDINALITY e(value, n) LEFT JOIN moved m ON m.old_id = e.value #>> '{}'
) WHERE a."edition" = '2025' AND jsonb_array_length(a."excluded_items") > 0;--> statement-breakpoint
WITH moved(old_id, new_id) AS (VALUES ('1(2)', '3(4)'), ('2(6)@server', '2(11)@server'), ('2(7)', '2(6)'), ('2(8)@network', '2(13)@network'), ('2(9)@server', '2(12)@server'), ('2(9)@terminal', '2(12)@terminal'), ('2(10)', '2(7)'), ('2(11)', '2(8)'), ('2(12)', '2(9)'), ('2(13)', '2(10)'))
UPDATE "answer_sets" s SET
  "answers" = (SELECT coalesce(jsonb_object_agg(coalesce(m.new_id, e.key), e.value), '{}'::jsonb) FROM jsonb_each(s."answers") e LEFT JOIN moved m ON m.old_id = e.key),
  "excluded_items" = (
    SELECT coalesce(jsonb_agg(to_jsonb(coalesce(m.new_id, e.value #>> '{}')) ORDER BY e.n), '[]'::jsonb)
    FROM jsonb_array_elements(s."excluded_items") WITH ORDINALITY e(value, n) LEFT JOIN moved m ON m.old_id = e.value #>> '{}'
  )
WHERE s."edition" = '2025';
