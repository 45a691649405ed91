CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"login_id" text NOT NULL,
	"system" text DEFAULT '' NOT NULL,
	"scope" text DEFAULT 'server' NOT NULL,
	"department" text DEFAULT '' NOT NULL,
	"family_name" text DEFAULT '' NOT NULL,
	"given_name" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"valid_from" text,
	"valid_to" text,
	"last_login_on" text,
	"temporary" boolean DEFAULT false NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"management_number" text NOT NULL,
	"maker" text DEFAULT '' NOT NULL,
	"os" text DEFAULT '' NOT NULL,
	"os_version" text DEFAULT '' NOT NULL,
	"firmware_version" text DEFAULT '' NOT NULL,
	"software" text DEFAULT '' NOT NULL,
	"software_version" text DEFAULT '' NOT NULL,
	"ip_address" text DEFAULT '' NOT NULL,
	"computer_name" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"users" text DEFAULT '' NOT NULL,
	"registered_on" text,
	"status" text DEFAULT 'active' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text,
	"cloud_model" text,
	"holds_patient_data" boolean,
	"remote_maintenance" text DEFAULT 'unknown' NOT NULL,
	"remote_maintenance_by" text DEFAULT '' NOT NULL,
	"vendor" text DEFAULT '' NOT NULL,
	"system" text DEFAULT '' NOT NULL,
	"last_patched_on" text,
	"services_reviewed_on" text,
	"source_restrictions" jsonb,
	"end_of_life_on" text,
	"risk_acceptance" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "end_of_life_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"product" text NOT NULL,
	"match" jsonb NOT NULL,
	"end_of_life_on" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_header_mappings" (
	"facility_id" uuid NOT NULL,
	"ledger" text NOT NULL,
	"header" text NOT NULL,
	"field" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"ledger" text NOT NULL,
	"reviewed_on" text NOT NULL,
	"reviewed_by" uuid,
	"reviewer_name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "finding_thresholds" jsonb;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "end_of_life_entries" ADD CONSTRAINT "end_of_life_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "end_of_life_entries" ADD CONSTRAINT "end_of_life_entries_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_header_mappings" ADD CONSTRAINT "ledger_header_mappings_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_reviews" ADD CONSTRAINT "ledger_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_reviews" ADD CONSTRAINT "ledger_reviews_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_reviews" ADD CONSTRAINT "ledger_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_facility_system_login_idx" ON "accounts" USING btree ("facility_id","system","login_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_facility_number_idx" ON "assets" USING btree ("facility_id","management_number");--> statement-breakpoint
CREATE INDEX "end_of_life_entries_facility_idx" ON "end_of_life_entries" USING btree ("facility_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_header_mappings_idx" ON "ledger_header_mappings" USING btree ("facility_id","ledger","header");--> statement-breakpoint
CREATE INDEX "ledger_reviews_facility_idx" ON "ledger_reviews" USING btree ("facility_id","ledger","reviewed_on");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_id","sequence");