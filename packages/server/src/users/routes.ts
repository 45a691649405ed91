import { Id, ResetPasswordResponse, administeredOrganizations, isSystemAdmin } from '@mamori/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { users } from '../db/schema.js';
import { recordAudit } from '../audit/record.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { loadActor } from '../auth/grants.js';
import { hashPassword } from '../auth/password.js';
import { temporaryPassword } from '../auth/secrets.js';
import { deleteUserSessions } from '../auth/sessions.js';
import { clearAttempts, emailKey } from '../auth/throttle.js';
import { revokeApiTokens } from '../auth/tokens.js';
import { forbidden, notFound } from '../http/errors.js';

export const userRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  /**
   * An administrator hands out a temporary password to be changed at next sign-in. An organization
   * admin may do so only for users who belong to nothing outside the organizations they administer.
   * Everything the old password let in stops working: sessions, personal API tokens, and the lockout.
   */
  app.post('/users/:userId/password-reset', { schema: { params: z.object({ userId: Id }), response: { 200: ResetPasswordResponse } } }, async (request) => {
    const { actor } = requireAuth(request);
    const [target] = await db.select().from(users).where(eq(users.id, request.params.userId));
    if (!target) throw notFound();
    if (!isSystemAdmin(actor)) {
      const administered = administeredOrganizations(actor) ?? [];
      const targetActor = await loadActor(db, target.id);
      const targetOrgs = targetActor.grants.map((g) => (g.kind === 'organization' || g.kind === 'facility' ? g.organizationId : null));
      const sharesOrganization = targetOrgs.some((id) => id !== null && administered.includes(id));
      if (!sharesOrganization) throw notFound();
      if (targetOrgs.some((id) => id === null || !administered.includes(id))) throw forbidden();
    }
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    return db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, mustChangePassword: true, updatedAt: new Date() }).where(eq(users.id, target.id));
      await deleteUserSessions(tx, target.id);
      const revokedTokens = await revokeApiTokens(tx, target.id);
      await clearAttempts(tx, emailKey(target.email));
      await recordAudit(tx, auditContext(request), { action: 'user.password_reset', entityType: 'user', entityId: target.id, changes: { revokedTokens: { before: null, after: revokedTokens } } });
      return { temporaryPassword: password, revokedTokens };
    });
  });
};
