-- A user's memberships as one JSON array, read on every request (auth/principal.ts). In PL/pgSQL so the
-- inner query is planned once per connection: on the embedded database planning this union cost more than
-- running it (0.9 ms of 1.3 ms), and every request waits behind that one connection.
CREATE FUNCTION "membership_grants"("member" uuid) RETURNS json
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
    ) g
  );
END;
$$;
