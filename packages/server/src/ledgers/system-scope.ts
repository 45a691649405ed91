import type { AccountScope, AccountSystemView, Actor, SetSystemScopeRequest } from '@mamori/domain';
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../db/connect.js';
import { accounts } from '../db/schema.js';
import { bulkUpdateVersioned } from '../db/bulk.js';
import { recordAuditBatch, type AuditContext } from '../audit/record.js';
import { AppError, notFound } from '../http/errors.js';
import { facilityFor, type FacilityRow } from '../tenancy/scope.js';
import { inTransaction } from '../writes/audited.js';

/** The account ledger's systems and their scope (サーバ・アプリケーション / 端末PC), set per system. */

/** Each system of the account ledger with its accounts counted per scope. */
export async function accountSystems(db: Db, actor: Actor, facilityId: string): Promise<AccountSystemView[]> {
  await facilityFor(db, actor, facilityId, 'ledger.read');
  const rows = await db
    .select({ system: accounts.system, scope: accounts.scope, n: count() })
    .from(accounts)
    .where(eq(accounts.facilityId, facilityId))
    .groupBy(accounts.system, accounts.scope)
    .orderBy(asc(accounts.system));
  const bySystem = new Map<string, AccountSystemView>();
  for (const row of rows) {
    const view = bySystem.get(row.system) ?? { system: row.system, server: 0, terminal: 0 };
    if (row.scope === 'terminal') view.terminal += row.n;
    else view.server += row.n;
    bySystem.set(row.system, view);
  }
  return [...bySystem.values()];
}

/**
 * Sets the scope of every account of one system (e.g. all Windows domain users → 端末PC): one versioned update per
 * account that changes, each with its audit event, in one transaction. Answers how many accounts changed.
 */
export async function setSystemScope(
  db: Db,
  actor: Actor,
  context: AuditContext,
  facilityId: string,
  input: z.infer<typeof SetSystemScopeRequest>,
): Promise<number> {
  const facility = await facilityFor(db, actor, facilityId, 'ledger.edit');
  if (!(await systemExists(db, facility.id, input.system))) throw notFound();
  return inTransaction(db, (tx) => rescope(tx, context, facility, input.system, input.scope));
}

async function rescope(tx: Tx, context: AuditContext, facility: FacilityRow, system: string, scope: AccountScope): Promise<number> {
  const rows = await tx
    .select({ id: accounts.id, version: accounts.version, scope: accounts.scope })
    .from(accounts)
    .where(and(eq(accounts.facilityId, facility.id), eq(accounts.system, system), ne(accounts.scope, scope)))
    .for('update');
  if (rows.length === 0) return 0;
  const written = await bulkUpdateVersioned(
    tx,
    accounts,
    rows.map((r) => ({ id: r.id, version: r.version, scope })),
  );
  if (written !== rows.length) throw new AppError(409, 'version_conflict', {}, [{ path: 'body.system', code: 'ledger_changed_meanwhile' }]);
  await recordAuditBatch(
    tx,
    context,
    rows.map((r) => ({
      action: 'account.update',
      entityType: 'account',
      entityId: r.id,
      organizationId: facility.organizationId,
      facilityId: facility.id,
      changes: { scope: { before: r.scope, after: scope }, bySystem: { before: null, after: system } },
    })),
  );
  return rows.length;
}

const systemExists = async (db: Db, facilityId: string, system: string) =>
  (
    await db
      .select({ n: sql<number>`1` })
      .from(accounts)
      .where(and(eq(accounts.facilityId, facilityId), eq(accounts.system, system)))
      .limit(1)
  ).length > 0;
