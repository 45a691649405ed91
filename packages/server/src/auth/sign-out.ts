import { recordAudit, type AuditContext } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { inTransaction } from '../writes/audited.js';
import { deleteSession, deleteUserSessions } from './sessions.js';

/** Ends this browser's session (when it has one: a token caller has none). */
export async function signOut(db: Db, context: AuditContext, userId: string, sessionToken: string | undefined): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (sessionToken) await deleteSession(tx, sessionToken);
    await recordAudit(tx, context, { action: 'user.logout', entityType: 'user', entityId: userId });
  });
}

/** Ends every session of the user, on every device. */
export async function signOutEverywhere(db: Db, context: AuditContext, userId: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await deleteUserSessions(tx, userId);
    await recordAudit(tx, context, { action: 'user.logoutAll', entityType: 'user', entityId: userId });
  });
}
