import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { inspectionGrants, inspectors, users } from '../db/schema.js';

const inspectorColumns = {
  id: inspectors.id,
  email: users.email,
  name: users.name,
  prefecture: inspectors.prefecture,
  healthCenter: inspectors.healthCenter,
  createdAt: inspectors.createdAt,
};

export type InspectorListing = { id: string; email: string; name: string; prefecture: string; healthCenter: string; createdAt: Date };

export async function inspectorByEmail(db: Db, email: string): Promise<InspectorListing | undefined> {
  const [row] = await db.select(inspectorColumns).from(inspectors).innerJoin(users, eq(users.id, inspectors.id)).where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function inspectorById(db: Db, id: string): Promise<InspectorListing | undefined> {
  const [row] = await db.select(inspectorColumns).from(inspectors).innerJoin(users, eq(users.id, inspectors.id)).where(eq(inspectors.id, id));
  return row;
}

export type GrantListing = { id: string; facilityId: string; grantedAt: Date; inspector: Omit<InspectorListing, 'createdAt'> };

/** The inspectors a facility has granted access to, by name. */
export async function listGrants(db: Db, facilityId: string): Promise<GrantListing[]> {
  return db
    .select({
      id: inspectionGrants.id,
      facilityId: inspectionGrants.facilityId,
      grantedAt: inspectionGrants.createdAt,
      inspector: { id: inspectors.id, email: users.email, name: users.name, prefecture: inspectors.prefecture, healthCenter: inspectors.healthCenter },
    })
    .from(inspectionGrants)
    .innerJoin(inspectors, eq(inspectors.id, inspectionGrants.inspectorId))
    .innerJoin(users, eq(users.id, inspectors.id))
    .where(eq(inspectionGrants.facilityId, facilityId))
    .orderBy(asc(users.name));
}
