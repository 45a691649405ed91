import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { inspectionGrants, inspectors, users } from '../db/schema.js';

const inspectorColumns = {
  id: inspectors.id,
  email: users.email,
  name: users.name,
  prefecture: inspectors.prefecture,
  healthCenter: inspectors.healthCenter,
  createdAt: inspectors.createdAt,
  disabledAt: users.disabledAt,
};

export type InspectorListing = {
  id: string;
  email: string;
  name: string;
  prefecture: string;
  healthCenter: string;
  createdAt: Date;
  disabledAt: Date | null;
};

export async function inspectorByEmail(db: Db, email: string): Promise<InspectorListing | undefined> {
  const [row] = await db.select(inspectorColumns).from(inspectors).innerJoin(users, eq(users.id, inspectors.id)).where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function inspectorById(db: Db, id: string): Promise<InspectorListing | undefined> {
  const [row] = await db.select(inspectorColumns).from(inspectors).innerJoin(users, eq(users.id, inspectors.id)).where(eq(inspectors.id, id));
  return row;
}

export type GrantListing = { id: string; facilityId: string; grantedAt: Date; inspector: Omit<InspectorListing, 'createdAt' | 'disabledAt'> };

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

export type InspectorAccountListing = InspectorListing & { grantedFacilities: number };

/**
 * Every inspector (or one prefecture's) with how many facilities grant them access, by prefecture, health center
 * and name: the system administrator's list. A deployment has a few per health center, so one page holds them all.
 */
export async function listInspectorAccounts(db: Db, filter: { prefecture?: string | undefined; id?: string }): Promise<InspectorAccountListing[]> {
  return db
    .select({ ...inspectorColumns, grantedFacilities: count(inspectionGrants.id) })
    .from(inspectors)
    .innerJoin(users, eq(users.id, inspectors.id))
    .leftJoin(inspectionGrants, eq(inspectionGrants.inspectorId, inspectors.id))
    .where(and(filter.prefecture ? eq(inspectors.prefecture, filter.prefecture) : undefined, filter.id ? eq(inspectors.id, filter.id) : undefined))
    .groupBy(inspectors.id, users.id)
    .orderBy(asc(inspectors.prefecture), asc(inspectors.healthCenter), asc(users.name));
}
