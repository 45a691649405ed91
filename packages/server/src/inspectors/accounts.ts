import { can, type Actor } from '@mamori/domain';
import { eq } from 'drizzle-orm';
import type { AuditContext } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { inspectors, users } from '../db/schema.js';
import { forbidden, notFound } from '../http/errors.js';
import { disableUser, enableUser } from '../users/disable.js';
import { inTransaction } from '../writes/audited.js';
import { presentInspectorAccount } from './presenter.js';
import { listInspectorAccounts } from './queries.js';

/** The system administrator's side of inspector accounts: the list, and whether each may sign in. */

const mayManage = (actor: Actor) => can(actor, 'inspector.manage', { kind: 'global' });

export async function listInspectors(db: Db, actor: Actor, prefecture: string | undefined) {
  if (!mayManage(actor)) throw forbidden();
  return (await listInspectorAccounts(db, { prefecture })).map(presentInspectorAccount);
}

/**
 * Disables (an inspector who left the health center) or re-enables an inspector's account; the caller has checked
 * who may. Asking for the state the account is already in changes nothing and writes no event, so a second click
 * or a retried script is harmless. Only inspectors: other accounts leave with their organization's membership.
 */
export async function changeInspectorAccess(db: Db, context: AuditContext, inspectorId: string, disabled: boolean) {
  await inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({ user: users })
      .from(users)
      .innerJoin(inspectors, eq(inspectors.id, users.id))
      .where(eq(users.id, inspectorId))
      .for('update');
    if (!row) throw notFound();
    if ((row.user.disabledAt !== null) === disabled) return;
    await (disabled ? disableUser(tx, context, row.user) : enableUser(tx, context, row.user));
  });
  const [account] = await listInspectorAccounts(db, { id: inspectorId });
  return presentInspectorAccount(account!);
}

export async function setInspectorDisabled(db: Db, actor: Actor, context: AuditContext, inspectorId: string, disabled: boolean) {
  if (!mayManage(actor)) throw forbidden();
  return changeInspectorAccess(db, context, inspectorId, disabled);
}
