import type { AccountScope, AccountSystemView } from '@mamori/domain';
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';
import { accounts } from '../db/schema.js';
import { bulkUpdateVersioned } from '../db/bulk.js';
import { recordAuditBatch, type AuditContext } from '../audit/record.js';
import { AppError } from '../http/errors.js';
import type { FacilityRow } from '../tenancy/scope.js';

/** Each system of the account ledger with its accounts counted per scope. */
export async function accountSystems(db: Db, facilityId: string): Promise<AccountSystemView[]> {
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
 * account that changes, each with its audit event, in the caller's transaction.
 */
export async function setSystemScope(tx: Tx, context: AuditContext, facility: FacilityRow, system: string, scope: AccountScope): Promise<number> {
  const rows = await tx
    .select({ id: accounts.id, version: accounts.version, scope: accounts.scope })
    .from(accounts)
    .where(and(eq(accounts.facilityId, facility.id), eq(accounts.system, system), ne(accounts.scope, scope)))
    .for('update');
  if (rows.length === 0) return 0;
  const written = await bulkUpdateVersioned(tx, accounts, rows.map((r) => ({ id: r.id, version: r.version, scope })));
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

export const systemExists = async (db: Db | Tx, facilityId: string, system: string) =>
  (await db.select({ n: sql<number>`1` }).from(accounts).where(and(eq(accounts.facilityId, facilityId), eq(accounts.system, system))).limit(1)).length > 0;
