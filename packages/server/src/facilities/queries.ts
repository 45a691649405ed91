import { administeredOrganizations, type Actor } from '@mamori/domain';
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { facilities } from '../db/schema.js';

/** Facilities the actor can see: all for a system admin, whole organizations for their admins, else own. */
export async function listVisibleFacilities(db: Db, actor: Actor, organizationId?: string) {
  const administered = administeredOrganizations(actor);
  const filters: SQL[] = [];
  if (organizationId) filters.push(eq(facilities.organizationId, organizationId));
  if (administered !== null) {
    const memberOf = actor.grants.flatMap((g) => (g.kind === 'facility' ? [g.facilityId] : []));
    const visible = [
      ...(administered.length ? [inArray(facilities.organizationId, administered)] : []),
      ...(memberOf.length ? [inArray(facilities.id, memberOf)] : []),
    ];
    if (visible.length === 0) return [];
    filters.push(or(...visible)!);
  }
  return db
    .select()
    .from(facilities)
    .where(and(...filters))
    .orderBy(asc(facilities.name));
}
