import { administeredOrganizations, isSystemAdmin, type Actor } from '@mamori/domain';
import { eq } from 'drizzle-orm';
import type { AuditContext } from '../audit/record.js';
import { replacePassword } from '../auth/account-service.js';
import type { UserRow } from '../auth/context.js';
import { loadActor } from '../auth/grants.js';
import { hashPassword } from '../auth/password.js';
import { temporaryPassword } from '../auth/secrets.js';
import { clearAttempts, emailKey } from '../auth/throttle.js';
import type { Db } from '../db/connect.js';
import { users } from '../db/schema.js';
import { forbidden, notFound } from '../http/errors.js';
import { inTransaction } from '../writes/audited.js';

/**
 * The user whose password the actor may reset. An organization admin may do so only for users who
 * belong to nothing outside the organizations they administer; one who shares none of them is not seen.
 */
async function resettableUser(db: Db, actor: Actor, userId: string): Promise<UserRow> {
  const [target] = await db.select().from(users).where(eq(users.id, userId));
  if (!target) throw notFound();
  if (isSystemAdmin(actor)) return target;
  const administered = administeredOrganizations(actor) ?? [];
  const targetOrgs = (await loadActor(db, target.id)).grants.map((g) => (g.kind === 'organization' || g.kind === 'facility' ? g.organizationId : null));
  if (!targetOrgs.some((id) => id !== null && administered.includes(id))) throw notFound();
  if (targetOrgs.some((id) => id === null || !administered.includes(id))) throw forbidden();
  return target;
}

/**
 * An administrator hands out a temporary password to be changed at next sign-in. Everything the old
 * password let in stops working: sessions, personal API tokens, and the lockout.
 */
export async function resetPassword(db: Db, actor: Actor, context: AuditContext, userId: string) {
  const target = await resettableUser(db, actor, userId);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (tx) => {
    const revokedTokens = await replacePassword(tx, context, target, { passwordHash, mustChangePassword: true }, 'user.passwordReset', null);
    await clearAttempts(tx, emailKey(target.email));
    return { temporaryPassword: password, revokedTokens };
  });
}
