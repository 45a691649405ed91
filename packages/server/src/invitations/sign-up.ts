import { randomUUID } from 'node:crypto';
import type { SessionInfo } from '@mamori/domain';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Tx } from '../db/connect.js';
import { users } from '../db/schema.js';
import type { AuditContext } from '../audit/record.js';
import { auditContext, type UserRow } from '../auth/context.js';
import { hashPassword } from '../auth/password.js';
import { presentSession } from '../auth/presenter.js';
import { signIn } from '../auth/sign-in.js';
import { AppError } from '../http/errors.js';
import type { AppDeps } from '../http/types.js';
import { inTransaction, insertAudited } from '../writes/audited.js';
import { userByEmail } from './service.js';

/**
 * Accepting any invitation link: the signed-in invitee accepts as themselves; someone new signs up with
 * the invited address and is signed in; an address that already has an account must sign in first.
 */
export async function acceptAsInvitee(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { email: string; name?: string | undefined; password?: string | undefined },
  accept: (tx: Tx, context: AuditContext, user: UserRow) => Promise<unknown>,
): Promise<SessionInfo> {
  const { db } = deps.database;
  if (request.auth) {
    if (request.auth.user.email !== input.email) throw new AppError(403, 'invitation_wrong_user');
    await inTransaction(db, (tx) => accept(tx, auditContext(request), request.auth!.user));
    const [user] = await db.select().from(users).where(eq(users.id, request.auth.user.id));
    return presentSession(deps, user!, request.auth.session?.csrfToken ?? '', request.auth.restricted);
  }
  if (await userByEmail(db, input.email)) throw new AppError(401, 'unauthorized');
  const { name, password } = input;
  if (!name || !password) {
    throw new AppError(400, 'validation_error', {}, [
      ...(!name ? [{ path: 'body.name', code: 'name_required' as const }] : []),
      ...(!password ? [{ path: 'body.password', code: 'password_required' as const }] : []),
    ]);
  }
  const passwordHash = await hashPassword(password);
  // The new person is the actor of their own sign-up: the id is chosen before the row is written.
  const id = randomUUID();
  const context = { actorId: id, ip: request.ip };
  const user = await inTransaction(db, async (tx) => {
    const created = await insertAudited(
      tx,
      context,
      users,
      { id, email: input.email, name, passwordHash },
      { action: 'user.create', entityType: 'user', scope: { organizationId: null, facilityId: null }, fields: ['email'] },
    );
    await accept(tx, context, created);
    return created;
  });
  return signIn(deps, request, reply, user);
}
