import { eq } from 'drizzle-orm';
import type { AuditContext } from '../audit/record.js';
import type { UserRow } from '../auth/context.js';
import { revokeApiTokens } from '../auth/tokens.js';
import type { Tx } from '../db/connect.js';
import { sessions, users } from '../db/schema.js';
import { updateAudited } from '../writes/audited.js';

const noScope = { organizationId: null, facilityId: null };

/**
 * Disables an account inside the caller's transaction (the caller has checked who may): sign-in is refused from
 * now on, and what it already let in ends with it — every session and personal API token — so the person's next
 * request is refused whichever browser or script sends it. The password stays, for a re-enable.
 */
export async function disableUser(tx: Tx, context: AuditContext, user: UserRow): Promise<UserRow> {
  const ended = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ tokenHash: sessions.tokenHash });
  const revokedTokens = await revokeApiTokens(tx, user.id);
  return updateAudited(
    tx,
    context,
    users,
    user,
    null,
    { disabledAt: new Date() },
    {
      action: 'user.disable',
      entityType: 'user',
      scope: noScope,
      fields: [],
      extra: {
        disabled: { before: false, after: true },
        endedSessions: { before: null, after: ended.length },
        revokedTokens: { before: null, after: revokedTokens },
      },
    },
  );
}

/** Lets a disabled account sign in again with the password it had (nothing of the old sessions comes back). */
export function enableUser(tx: Tx, context: AuditContext, user: UserRow): Promise<UserRow> {
  return updateAudited(
    tx,
    context,
    users,
    user,
    null,
    { disabledAt: null },
    { action: 'user.enable', entityType: 'user', scope: noScope, fields: [], extra: { disabled: { before: true, after: false } } },
  );
}
