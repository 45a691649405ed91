import type { Actor, LedgerListQuery, RecordHistoryEntry } from '@mamori/domain';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditContext } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { auditEvents, users } from '../db/schema.js';
import { AppError, isUniqueViolation } from '../http/errors.js';
import { facilityFor } from '../tenancy/scope.js';
import { type Audit, deleteAudited, facilityScope, insertAudited, inTransaction, scopeOf, updateAudited } from '../writes/audited.js';
import { recordFor } from './access.js';
import { ledgerTable, type AssetRow, type LedgerDefinition } from './definitions.js';
import { containsPattern } from '../db/like.js';

/** One ledger's records: list, read, create, edit, delete, export, and each record's history from the audit trail. */

type Input = Record<string, unknown>;
type Scope = { organizationId: string; facilityId: string };

const duplicate = (definition: LedgerDefinition) =>
  new AppError(409, 'conflict', {}, [
    definition.kind === 'assets' ? { path: 'body.managementNumber', code: 'asset_number_taken' } : { path: 'body.loginId', code: 'account_taken' },
  ]);

/** A link key already taken (管理番号, or ユーザID on the same system) answers 409 naming the field. */
async function unlessDuplicate<T>(definition: LedgerDefinition, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(definition);
    throw error;
  }
}

// The shared code writes both ledgers through the asset table's type (see `ledgerTable`).
const auditOf = (definition: LedgerDefinition, verb: 'create' | 'update' | 'delete', scope: Scope): Audit<AssetRow> => ({
  action: `${definition.entityType}.${verb}`,
  entityType: definition.entityType,
  scope,
  fields: definition.fieldKeys as readonly (keyof AssetRow & string)[],
});

export async function listRecords(db: Db, actor: Actor, definition: LedgerDefinition, facilityId: string, query: z.infer<typeof LedgerListQuery>) {
  await facilityFor(db, actor, facilityId, 'ledger.read');
  const table = ledgerTable(definition);
  const { q, page, pageSize } = query;
  const filters: SQL[] = [eq(table.facilityId, facilityId)];
  if (q?.trim()) filters.push(or(...definition.searchColumns.map((column) => ilike(column, containsPattern(q.trim()))))!);
  const where = and(...filters);
  const [total] = await db.select({ n: count() }).from(table).where(where);
  const rows = await db
    .select()
    .from(table)
    .where(where)
    .orderBy(asc(definition.order), asc(table.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { total: total!.n, items: rows.map(definition.present) };
}

export async function readRecord(db: Db, actor: Actor, definition: LedgerDefinition, id: string) {
  const row = await recordFor(db, actor, definition, id, 'ledger.read');
  return definition.present(row);
}

export async function createRecord(db: Db, actor: Actor, context: AuditContext, definition: LedgerDefinition, facilityId: string, input: Input) {
  const facility = await facilityFor(db, actor, facilityId, 'ledger.edit');
  const scope = facilityScope(facility);
  const values = { ...definition.defaults, ...input, ...scope } as AssetRow;
  const row = await unlessDuplicate(definition, () =>
    inTransaction(db, (tx) => insertAudited(tx, context, ledgerTable(definition), values, auditOf(definition, 'create', scope))),
  );
  return definition.present(row);
}

export async function updateRecord(db: Db, actor: Actor, context: AuditContext, definition: LedgerDefinition, id: string, input: Input & { version: number }) {
  const before = await recordFor(db, actor, definition, id, 'ledger.edit');
  const { version, ...changes } = input;
  const row = await unlessDuplicate(definition, () =>
    inTransaction(db, (tx) =>
      updateAudited(tx, context, ledgerTable(definition), before as AssetRow, version, changes, auditOf(definition, 'update', scopeOf(before))),
    ),
  );
  return definition.present(row);
}

export async function deleteRecord(db: Db, actor: Actor, context: AuditContext, definition: LedgerDefinition, id: string, version: number): Promise<void> {
  const before = await recordFor(db, actor, definition, id, 'ledger.edit');
  await inTransaction(db, (tx) =>
    deleteAudited(tx, context, ledgerTable(definition), before as AssetRow, version, auditOf(definition, 'delete', scopeOf(before))),
  );
}

/** The facility and its whole ledger, presented, in the order of the list: what an export writes. */
export async function recordsToExport(db: Db, actor: Actor, definition: LedgerDefinition, facilityId: string) {
  const facility = await facilityFor(db, actor, facilityId, 'ledger.read');
  const table = ledgerTable(definition);
  const rows = await db.select().from(table).where(eq(table.facilityId, facility.id)).orderBy(asc(definition.order));
  return { facility, records: rows.map((r) => definition.present(r) as Record<string, unknown>) };
}

/** Every change to one record, oldest first, as the audit trail holds it. */
export async function recordHistory(db: Db, actor: Actor, definition: LedgerDefinition, id: string): Promise<z.infer<typeof RecordHistoryEntry>[]> {
  const row = await recordFor(db, actor, definition, id, 'ledger.read');
  const events = await db
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.entityType, definition.entityType)))
    .orderBy(asc(auditEvents.sequence));
  return events.map(({ event, actorName }) => ({ occurredAt: event.occurredAt.toISOString(), action: event.action, actorName, changes: event.changes }));
}
