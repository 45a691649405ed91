import { administeredOrganizations, type Actor } from '@mamori/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { facilityMembers, organizationMembers, organizations, users } from '../db/schema.js';

/** Organizations the actor belongs to (all of them for a system administrator). */
export async function listVisibleOrganizations(db: Db, actor: Actor) {
  const administered = administeredOrganizations(actor);
  if (administered === null) return db.select().from(organizations).orderBy(asc(organizations.name));
  const ids = [...new Set(actor.grants.flatMap((g) => (g.kind === 'organization' || g.kind === 'facility' ? [g.organizationId] : [])))];
  if (ids.length === 0) return [];
  return db.select().from(organizations).where(inArray(organizations.id, ids)).orderBy(asc(organizations.name));
}

export interface OrganizationMemberRow {
  userId: string;
  email: string;
  name: string;
  organizationRole: string | null;
  facilities: { facilityId: string; role: string }[];
}

/** Everyone with a role in the organization or one of its facilities. */
export async function listOrganizationMembers(db: Db, organizationId: string): Promise<OrganizationMemberRow[]> {
  const adminRows = await db
    .select({ userId: users.id, email: users.email, name: users.name, role: organizationMembers.role })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, organizationId));
  const staffRows = await db
    .select({ userId: users.id, email: users.email, name: users.name, facilityId: facilityMembers.facilityId, role: facilityMembers.role })
    .from(facilityMembers)
    .innerJoin(users, eq(users.id, facilityMembers.userId))
    .where(eq(facilityMembers.organizationId, organizationId));
  const members = new Map<string, OrganizationMemberRow>();
  const entry = (r: { userId: string; email: string; name: string }) => {
    let m = members.get(r.userId);
    if (!m) members.set(r.userId, (m = { userId: r.userId, email: r.email, name: r.name, organizationRole: null, facilities: [] }));
    return m;
  };
  for (const r of adminRows) entry(r).organizationRole = r.role;
  for (const r of staffRows) entry(r).facilities.push({ facilityId: r.facilityId, role: r.role });
  return [...members.values()].sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}
