CREATE TABLE "log_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"subject" text NOT NULL,
	"count" integer NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "log_events" (
	"source_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"parsed" boolean NOT NULL,
	"host" text,
	"user_name" text,
	"category" text,
	"outcome" text,
	"source_ip" text,
	"action" text,
	"raw" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "log_events_source_id_seq_received_at_pk" PRIMARY KEY("source_id","seq","received_at")
) PARTITION BY RANGE ("received_at");
--> statement-breakpoint
CREATE TABLE "log_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"note" text NOT NULL,
	"events" integer NOT NULL,
	"alerts" integer NOT NULL,
	"through_seq" bigint NOT NULL,
	"reviewed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"name" text NOT NULL,
	"asset_id" uuid,
	"account_system" text,
	"time_zone" text DEFAULT 'Asia/Tokyo' NOT NULL,
	"format" text,
	"column_mapping" jsonb,
	"syslog_address" text,
	"token_hash" text NOT NULL,
	"head_seq" bigint DEFAULT 0 NOT NULL,
	"head_hash" text NOT NULL,
	"base_seq" bigint DEFAULT 1 NOT NULL,
	"base_hash" text NOT NULL,
	"anchored_seq" bigint DEFAULT 0 NOT NULL,
	"last_received_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "access_log_settings" jsonb;--> statement-breakpoint
ALTER TABLE "log_alerts" ADD CONSTRAINT "log_alerts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_alerts" ADD CONSTRAINT "log_alerts_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_alerts" ADD CONSTRAINT "log_alerts_source_id_log_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."log_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_reviews" ADD CONSTRAINT "log_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_reviews" ADD CONSTRAINT "log_reviews_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_reviews" ADD CONSTRAINT "log_reviews_source_id_log_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."log_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_reviews" ADD CONSTRAINT "log_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_sources" ADD CONSTRAINT "log_sources_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_sources" ADD CONSTRAINT "log_sources_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_sources" ADD CONSTRAINT "log_sources_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "log_alerts_identity_idx" ON "log_alerts" USING btree ("source_id","rule","subject","first_at");--> statement-breakpoint
CREATE INDEX "log_alerts_facility_idx" ON "log_alerts" USING btree ("facility_id","last_at");--> statement-breakpoint
CREATE INDEX "log_events_time_idx" ON "log_events" USING btree ("source_id","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "log_events_user_idx" ON "log_events" USING btree ("source_id","user_name","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "log_events_address_idx" ON "log_events" USING btree ("source_id","source_ip","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "log_reviews_source_idx" ON "log_reviews" USING btree ("source_id","period_to");--> statement-breakpoint
CREATE UNIQUE INDEX "log_sources_facility_name_idx" ON "log_sources" USING btree ("facility_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "log_sources_token_idx" ON "log_sources" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "log_sources_syslog_address_idx" ON "log_sources" USING btree ("syslog_address");--> statement-breakpoint
-- Append-only: events are never changed, and removed only by retention, which says so first (see access-logs/retention.ts).
CREATE FUNCTION log_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('mamori.log_retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'log_events is append-only (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER log_events_append_only BEFORE UPDATE OR DELETE ON "log_events" FOR EACH ROW EXECUTE FUNCTION log_events_append_only();--> statement-breakpoint
CREATE TRIGGER log_events_no_truncate BEFORE TRUNCATE ON "log_events" FOR EACH STATEMENT EXECUTE FUNCTION log_events_append_only();
