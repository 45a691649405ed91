import { SessionInfo, SetupRequest, SetupStatus } from '@mamori/domain';
import { count, sql } from 'drizzle-orm';
import type { Routes } from '../http/types.js';
import { users } from '../db/schema.js';
import { recordAudit } from '../audit/record.js';
import { hashPassword } from '../auth/password.js';
import { signIn } from '../auth/sign-in.js';
import { AppError } from '../http/errors.js';

/** Only one setup may ever win, even with several app servers answering at once. */
const SETUP_LOCK_KEY = 727_003;

export const setupRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/setup', { config: { access: 'public' }, schema: { response: { 200: SetupStatus } } }, async () => {
    const [row] = await db.select({ n: count() }).from(users);
    return { needsSetup: (row?.n ?? 0) === 0 };
  });

  app.post('/setup', { config: { access: 'public' }, schema: { body: SetupRequest, response: { 200: SessionInfo } } }, async (request, reply) => {
    const passwordHash = await hashPassword(request.body.password);
    const user = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
      const [row] = await tx.select({ n: count() }).from(users);
      if ((row?.n ?? 0) > 0) throw new AppError(409, 'setup_done');
      const [created] = await tx
        .insert(users)
        .values({ email: request.body.email, name: request.body.name, passwordHash, isSystemAdmin: true })
        .returning();
      await recordAudit(tx, { actorId: created!.id, ip: request.ip }, {
        action: 'user.create',
        entityType: 'user',
        entityId: created!.id,
        changes: { email: { before: null, after: created!.email }, isSystemAdmin: { before: null, after: true } },
      });
      return created!;
    });
    return signIn(deps, request, reply, user);
  });
};
