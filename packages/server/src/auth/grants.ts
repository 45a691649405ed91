import { eq, sql } from 'drizzle-orm';
import type { Actor, FacilityRole, Grant, OrganizationRole } from '@mamori/domain';
import type { Db } from '../db/connect.js';
import { facilityMembers, organizationMembers } from '../db/schema.js';

/** Everything a user's memberships grant, in one round trip. */
export async function loadActor(db: Db, userId: string, isSystemAdmin: boolean): Promise<Actor> {
  const rows = await db
    .select({ organizationId: organizationMembers.organizationId, facilityId: sql<string | null>`null`, role: organizationMembers.role })
    .from(organizationMembers)
    .where(eq(organizationMembers.userId, userId))
    .unionAll(
      db
        .select({ organizationId: facilityMembers.organizationId, facilityId: facilityMembers.facilityId, role: facilityMembers.role })
        .from(facilityMembers)
        .where(eq(facilityMembers.userId, userId)),
    );
  const grants: Grant[] = rows.map((row) =>
    row.facilityId
      ? { kind: 'facility', organizationId: row.organizationId, facilityId: row.facilityId, role: row.role as FacilityRole }
      : { kind: 'organization', organizationId: row.organizationId, role: row.role as OrganizationRole },
  );
  if (isSystemAdmin) grants.push({ kind: 'system', role: 'admin' });
  return { userId, grants };
}
