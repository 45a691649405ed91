import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { facilityMembers, users } from '../db/schema.js';

/** A facility member with the person's email and name. */
export interface MemberListing {
  id: string;
  userId: string;
  email: string;
  name: string;
  role: string;
  version: number;
}

const memberListings = (db: Db, where: SQL | undefined): Promise<MemberListing[]> =>
  db
    .select({
      id: facilityMembers.id,
      userId: facilityMembers.userId,
      email: users.email,
      name: users.name,
      role: facilityMembers.role,
      version: facilityMembers.version,
    })
    .from(facilityMembers)
    .innerJoin(users, eq(users.id, facilityMembers.userId))
    .where(where)
    .orderBy(asc(users.name));

export const listFacilityMembers = (db: Db, facilityId: string) => memberListings(db, eq(facilityMembers.facilityId, facilityId));

export async function memberByUser(db: Db, facilityId: string, userId: string): Promise<MemberListing> {
  const [row] = await memberListings(db, and(eq(facilityMembers.facilityId, facilityId), eq(facilityMembers.userId, userId)));
  return row!;
}

export async function memberById(db: Db, memberId: string): Promise<MemberListing> {
  const [row] = await memberListings(db, eq(facilityMembers.id, memberId));
  return row!;
}
