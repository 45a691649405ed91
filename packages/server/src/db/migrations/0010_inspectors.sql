CREATE TABLE "inspection_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"inspector_id" uuid NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspectors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"prefecture" text NOT NULL,
	"health_center" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_grants" ADD CONSTRAINT "inspection_grants_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_grants" ADD CONSTRAINT "inspection_grants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_grants" ADD CONSTRAINT "inspection_grants_inspector_id_inspectors_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."inspectors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_grants" ADD CONSTRAINT "inspection_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspectors" ADD CONSTRAINT "inspectors_id_users_id_fk" FOREIGN KEY ("id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_grants_facility_inspector_idx" ON "inspection_grants" USING btree ("facility_id","inspector_id");--> statement-breakpoint
CREATE INDEX "inspection_grants_inspector_idx" ON "inspection_grants" USING btree ("inspector_id");--> statement-breakpoint
-- An inspector's grants join the memberships (auth/principal.ts): role 'inspector', never a second factor demanded
-- by the facility's organization (the inspector is not its member).
CREATE OR REPLACE FUNCTION "membership_grants"("member" uuid) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT coalesce(json_agg(g), '[]'::json) FROM (
      SELECT m.organization_id AS o, NULL::uuid AS f, m.role AS r, NULL::uuid AS v, org.require_totp AS t
        FROM organization_members m JOIN organizations org ON org.id = m.organization_id WHERE m.user_id = "member"
      UNION ALL
      SELECT m.organization_id, m.facility_id, m.role, NULL::uuid, org.require_totp
        FROM facility_members m JOIN organizations org ON org.id = m.organization_id WHERE m.user_id = "member"
      UNION ALL
      SELECT NULL::uuid, NULL::uuid, 'vendor', vendor_id, false FROM vendor_members WHERE user_id = "member"
      UNION ALL
      SELECT organization_id, facility_id, 'inspector', NULL::uuid, false FROM inspection_grants WHERE inspector_id = "member"
    ) g
  );
END;
$$;
