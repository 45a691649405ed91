CREATE TABLE "facility_year_summaries" (
	"facility_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"assessment_id" uuid NOT NULL,
	"required_items" integer NOT NULL,
	"answered_items" integer NOT NULL,
	"blocking_problems" integer NOT NULL,
	"ready" boolean NOT NULL,
	"open_targets" jsonb NOT NULL,
	"next_target_date" text,
	"vendor_forms_expected" integer NOT NULL,
	"vendors_not_answering" jsonb NOT NULL,
	"summarized_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facility_year_summaries_facility_id_fiscal_year_pk" PRIMARY KEY("facility_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "oversight_cursor" (
	"id" integer PRIMARY KEY NOT NULL,
	"audit_sequence" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "facility_year_summaries" ADD CONSTRAINT "facility_year_summaries_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "facility_year_summaries_year_idx" ON "facility_year_summaries" USING btree ("fiscal_year","ready");--> statement-breakpoint
CREATE INDEX "facilities_area_idx" ON "facilities" USING btree ("prefecture","health_center","name");