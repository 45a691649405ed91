import { randomUUID } from 'node:crypto';
import type { SetupRequest } from '@mamori/domain';
import { count, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import { users } from '../db/schema.js';
import { hashPassword } from '../auth/password.js';
import { AppError } from '../http/errors.js';
import { inTransaction, insertAudited } from '../writes/audited.js';

/** First run: the system's first account, a system administrator, created once. */

/** Only one setup may ever win, even with several app servers answering at once. */
const SETUP_LOCK_KEY = 727_003;

const userCount = async (db: Pick<Db, 'select'>) => (await db.select({ n: count() }).from(users))[0]?.n ?? 0;

export const needsSetup = async (db: Db) => (await userCount(db)) === 0;

/** Creates the first administrator, who is the actor of their own creation; once any account exists, 409. */
export async function createFirstAdmin(db: Db, ip: string | null, input: z.infer<typeof SetupRequest>) {
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    if ((await userCount(tx)) > 0) throw new AppError(409, 'setup_done');
    return insertAudited(
      tx,
      { actorId: id, ip },
      users,
      { id, email: input.email, name: input.name, passwordHash, isSystemAdmin: true },
      {
        action: 'user.create',
        entityType: 'user',
        scope: { organizationId: null, facilityId: null },
        fields: ['email', 'isSystemAdmin'],
      },
    );
  });
}
