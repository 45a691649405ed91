import {
  ApiToken,
  ChangePasswordRequest,
  ChangePasswordResponse,
  CreateTokenRequest,
  CreatedToken,
  CurrentUser,
  Id,
  TotpCodeRequest,
  TotpSetupResponse,
  UpdateMeRequest,
} from '@mamori/domain';
import { and, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { apiTokens, sessions, users } from '../db/schema.js';
import { revokeApiTokens } from './tokens.js';
import { diff, recordAudit } from '../audit/record.js';
import { AppError, notFound } from '../http/errors.js';
import { auditContext, requireAuth, requireSession } from './context.js';
import { hashPassword, verifyPassword } from './password.js';
import { presentUser } from './presenter.js';
import { newApiToken, sha256 } from './secrets.js';
import { checkTotp, newTotpSecret, totpUri } from './totp.js';

const presentToken = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

/** The signed-in user's own account: profile, password, second factor, API tokens. */
export const accountRoutes: Routes = (app, deps) => {
  const { db } = deps.database;
  const self = { access: 'self' } as const;

  app.patch('/me', { config: self, schema: { body: UpdateMeRequest, response: { 200: CurrentUser } } }, async (request) => {
    const auth = requireAuth(request);
    const updated = await db.transaction(async (tx) => {
      const [row] = await tx.update(users).set({ ...request.body, updatedAt: new Date() }).where(eq(users.id, auth.user.id)).returning();
      await recordAudit(tx, auditContext(request), { action: 'user.update', entityType: 'user', entityId: auth.user.id, changes: diff(auth.user, row!, ['name', 'locale']) });
      return row!;
    });
    return presentUser(updated, auth.restricted === 'totp_enrollment_required' ? auth.restricted : null);
  });

  app.post('/me/password', { config: self, schema: { body: ChangePasswordRequest, response: { 200: ChangePasswordResponse } } }, async (request) => {
    const auth = requireSession(request);
    if (!(await verifyPassword(auth.user.passwordHash, request.body.currentPassword))) throw new AppError(400, 'wrong_password');
    const passwordHash = await hashPassword(request.body.newPassword);
    return db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, auth.user.id));
      // Everyone else holding this account's sessions is signed out; this browser stays in. Tokens are
      // revoked too: a password is changed because it may be known, and a token made with it must not outlive it.
      const keep = auth.session?.tokenHash ?? '';
      await tx.delete(sessions).where(and(eq(sessions.userId, auth.user.id), ne(sessions.tokenHash, keep)));
      const revokedTokens = await revokeApiTokens(tx, auth.user.id);
      await recordAudit(tx, auditContext(request), { action: 'user.password_change', entityType: 'user', entityId: auth.user.id, changes: { revokedTokens: { before: null, after: revokedTokens } } });
      return { revokedTokens };
    });
  });

  app.post('/me/totp/setup', { config: self, schema: { response: { 200: TotpSetupResponse } } }, async (request) => {
    const auth = requireSession(request);
    const secret = newTotpSecret();
    await db.update(users).set({ totpPendingSecret: deps.secrets.seal('totp', secret) }).where(eq(users.id, auth.user.id));
    return { secret, otpauthUrl: totpUri(secret, auth.user.email) };
  });

  app.post('/me/totp/enable', { config: self, schema: { body: TotpCodeRequest } }, async (request, reply) => {
    const auth = requireSession(request);
    const secret = auth.user.totpPendingSecret;
    const step = secret ? await checkTotp(deps.secrets.open('totp', secret), request.body.code, null) : null;
    if (!secret || step === null) throw new AppError(400, 'totp_invalid');
    await db.transaction(async (tx) => {
      await tx.update(users).set({ totpSecret: secret, totpPendingSecret: null, totpLastUsedStep: step }).where(eq(users.id, auth.user.id));
      await recordAudit(tx, auditContext(request), { action: 'user.totp_enable', entityType: 'user', entityId: auth.user.id, changes: { totpEnabled: { before: false, after: true } } });
    });
    return reply.status(204).send();
  });

  app.post('/me/totp/disable', { config: self, schema: { body: TotpCodeRequest } }, async (request, reply) => {
    const auth = requireSession(request);
    const secret = auth.user.totpSecret;
    const step = secret ? await checkTotp(deps.secrets.open('totp', secret), request.body.code, auth.user.totpLastUsedStep) : null;
    if (!secret || step === null) throw new AppError(400, 'totp_invalid');
    await db.transaction(async (tx) => {
      await tx.update(users).set({ totpSecret: null, totpLastUsedStep: null }).where(eq(users.id, auth.user.id));
      await recordAudit(tx, auditContext(request), { action: 'user.totp_disable', entityType: 'user', entityId: auth.user.id, changes: { totpEnabled: { before: true, after: false } } });
    });
    return reply.status(204).send();
  });

  app.get('/me/tokens', { schema: { response: { 200: z.array(ApiToken) } } }, async (request) => {
    const auth = requireAuth(request);
    const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, auth.user.id)).orderBy(desc(apiTokens.createdAt));
    return rows.map(presentToken);
  });

  app.post('/me/tokens', { schema: { body: CreateTokenRequest, response: { 200: CreatedToken } } }, async (request) => {
    const auth = requireSession(request);
    const token = newApiToken();
    const row = await db.transaction(async (tx) => {
      const [created] = await tx.insert(apiTokens).values({ userId: auth.user.id, name: request.body.name, tokenHash: sha256(token) }).returning();
      await recordAudit(tx, auditContext(request), { action: 'api_token.create', entityType: 'api_token', entityId: created!.id, changes: { name: { before: null, after: created!.name } } });
      return created!;
    });
    return { ...presentToken(row), token };
  });

  app.delete('/me/tokens/:tokenId', { schema: { params: z.object({ tokenId: Id }) } }, async (request, reply) => {
    const auth = requireAuth(request);
    await db.transaction(async (tx) => {
      const [deleted] = await tx.delete(apiTokens).where(and(eq(apiTokens.id, request.params.tokenId), eq(apiTokens.userId, auth.user.id))).returning();
      if (!deleted) throw notFound();
      await recordAudit(tx, auditContext(request), { action: 'api_token.delete', entityType: 'api_token', entityId: deleted.id, changes: { name: { before: deleted.name, after: null } } });
    });
    return reply.status(204).send();
  });
};
