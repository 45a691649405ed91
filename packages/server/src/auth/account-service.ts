import type { AuditAction, ChangePasswordRequest, UpdateMeRequest } from '@mamori/domain';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditContext } from '../audit/record.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Db, Tx } from '../db/connect.js';
import { apiTokens, users } from '../db/schema.js';
import { AppError, notFound } from '../http/errors.js';
import { deleteAudited, inTransaction, insertAudited, updateAudited, type Audit } from '../writes/audited.js';
import type { Authenticated, UserRow } from './context.js';
import { hashPassword, verifyPassword } from './password.js';
import { presentToken } from './presenter.js';
import { newApiToken, sha256 } from './secrets.js';
import { deleteOtherSessions, deleteUserSessions } from './sessions.js';
import { lockedApiToken, revokeApiTokens, type ApiTokenRow } from './tokens.js';
import { checkTotp, newTotpSecret, totpUri } from './totp.js';

/** The signed-in user's own account: profile, password, second factor, API tokens. */

const noScope = { organizationId: null, facilityId: null };

/** An event on a user account: the profile fields by diff, anything else (never a secret) as `extra`. */
const userAudit = (action: AuditAction, extra?: Audit<UserRow>['extra']): Audit<UserRow> => ({
  action,
  entityType: 'user',
  scope: noScope,
  fields: ['name', 'locale'],
  ...(extra ? { extra } : {}),
});

const tokenAudit = (action: AuditAction): Audit<ApiTokenRow> => ({ action, entityType: 'api_token', scope: noScope, fields: ['name'] });

export const updateProfile = (db: Db, context: AuditContext, user: UserRow, input: z.infer<typeof UpdateMeRequest>) =>
  inTransaction(db, (tx) => updateAudited(tx, context, users, user, null, input, userAudit('user.update')));

/**
 * A new password, inside the caller's transaction. Everything the old one let in ends with it: every
 * session but `keepSessionHash` (the browser that changed it) and every personal API token, since a
 * password is changed because it may be known. Returns how many tokens were revoked.
 */
export async function replacePassword(
  tx: Tx,
  context: AuditContext,
  user: UserRow,
  password: { passwordHash: string; mustChangePassword: boolean },
  action: 'user.passwordChange' | 'user.passwordReset',
  keepSessionHash: string | null,
): Promise<number> {
  await (keepSessionHash === null ? deleteUserSessions(tx, user.id) : deleteOtherSessions(tx, user.id, keepSessionHash));
  const revokedTokens = await revokeApiTokens(tx, user.id);
  await updateAudited(tx, context, users, user, null, password, userAudit(action, { revokedTokens: { before: null, after: revokedTokens } }));
  return revokedTokens;
}

export async function changePassword(db: Db, context: AuditContext, auth: Authenticated, input: z.infer<typeof ChangePasswordRequest>) {
  if (!(await verifyPassword(auth.user.passwordHash, input.currentPassword))) throw new AppError(400, 'wrong_password');
  const passwordHash = await hashPassword(input.newPassword);
  const keep = auth.session?.tokenHash ?? '';
  const revokedTokens = await inTransaction(db, (tx) =>
    replacePassword(tx, context, auth.user, { passwordHash, mustChangePassword: false }, 'user.passwordChange', keep),
  );
  return { revokedTokens };
}

/** A new secret waits, sealed, until a code from it proves the authenticator has it. */
export async function startTotpSetup(db: Db, secrets: Keyring, user: UserRow) {
  const secret = newTotpSecret();
  await db
    .update(users)
    .set({ totpPendingSecret: secrets.seal('totp', secret) })
    .where(eq(users.id, user.id));
  return { secret, otpauthUrl: totpUri(secret, user.email) };
}

/** The time step of a valid, unused code of the sealed `secret`; 400 otherwise. */
async function totpStep(secrets: Keyring, secret: string | null, code: string, lastUsedStep: number | null): Promise<{ secret: string; step: number }> {
  const step = secret ? await checkTotp(secrets.open('totp', secret), code, lastUsedStep) : null;
  if (!secret || step === null) throw new AppError(400, 'totp_invalid');
  return { secret, step };
}

export async function enableTotp(db: Db, secrets: Keyring, context: AuditContext, user: UserRow, code: string): Promise<void> {
  const { secret, step } = await totpStep(secrets, user.totpPendingSecret, code, null);
  await inTransaction(db, (tx) =>
    updateAudited(
      tx,
      context,
      users,
      user,
      null,
      { totpSecret: secret, totpPendingSecret: null, totpLastUsedStep: step },
      userAudit('user.totpEnable', { totpEnabled: { before: false, after: true } }),
    ),
  );
}

export async function disableTotp(db: Db, secrets: Keyring, context: AuditContext, user: UserRow, code: string): Promise<void> {
  await totpStep(secrets, user.totpSecret, code, user.totpLastUsedStep);
  await inTransaction(db, (tx) =>
    updateAudited(
      tx,
      context,
      users,
      user,
      null,
      { totpSecret: null, totpLastUsedStep: null },
      userAudit('user.totpDisable', { totpEnabled: { before: true, after: false } }),
    ),
  );
}

/** A personal API token; its value is shown this once and only its hash is kept. */
export async function createApiToken(db: Db, context: AuditContext, userId: string, name: string) {
  const token = newApiToken();
  const row = await inTransaction(db, (tx) => insertAudited(tx, context, apiTokens, { userId, name, tokenHash: sha256(token) }, tokenAudit('apiToken.create')));
  return { ...presentToken(row), token };
}

export async function deleteApiToken(db: Db, context: AuditContext, userId: string, tokenId: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const token = await lockedApiToken(tx, userId, tokenId);
    if (!token) throw notFound();
    await deleteAudited(tx, context, apiTokens, token, null, tokenAudit('apiToken.delete'));
  });
}
