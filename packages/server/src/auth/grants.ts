import type { Actor } from '@mamori/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { users } from '../db/schema.js';
import { grantsOf, toActor } from './principal.js';

/** Everything a user's memberships grant, in one round trip. */
export async function loadActor(db: Db, userId: string): Promise<Actor> {
  const [row] = await db.select({ isSystemAdmin: users.isSystemAdmin, grants: grantsOf }).from(users).where(eq(users.id, userId));
  return toActor(userId, row?.isSystemAdmin ?? false, row?.grants ?? []);
}
