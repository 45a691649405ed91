import type { SessionInfo } from '@mamori/domain';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Tx } from '../db/connect.js';
import { users } from '../db/schema.js';
import { recordAudit, type AuditContext } from '../audit/record.js';
import { auditContext, type UserRow } from '../auth/context.js';
import { hashPassword } from '../auth/password.js';
import { presentSession } from '../auth/presenter.js';
import { signIn } from '../auth/sign-in.js';
import { AppError } from '../http/errors.js';
import type { AppDeps } from '../http/types.js';
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
    await db.transaction((tx) => accept(tx, auditContext(request), request.auth!.user));
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
  const user = await db.transaction(async (tx) => {
    const [created] = await tx.insert(users).values({ email: input.email, name, passwordHash }).returning();
    const context = { actorId: created!.id, ip: request.ip };
    await recordAudit(tx, context, { action: 'user.create', entityType: 'user', entityId: created!.id, changes: { email: { before: null, after: created!.email } } });
    await accept(tx, context, created!);
    return created!;
  });
  return signIn(deps, request, reply, user);
}
