import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';
import { diff, recordAudit, type AuditContext } from '../audit/record.js';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../http/errors.js';
import type { FacilityRow } from '../tenancy/scope.js';
import { ledgerTable, type LedgerDefinition, type AssetRow, type AccountRow } from './definitions.js';

type LedgerRow = AssetRow | AccountRow;

const duplicate = (definition: LedgerDefinition) =>
  new AppError(409, 'conflict', {}, [
    definition.kind === 'assets' ? { path: 'body.managementNumber', code: 'asset_number_taken' } : { path: 'body.loginId', code: 'account_taken' },
  ]);

export async function createRecord(tx: Tx, context: AuditContext, definition: LedgerDefinition, facility: FacilityRow, input: Record<string, unknown>): Promise<LedgerRow> {
  const table = ledgerTable(definition);
  const values = { ...definition.defaults, ...input, organizationId: facility.organizationId, facilityId: facility.id };
  let row: LedgerRow | undefined;
  try {
    // A savepoint, so a duplicate answers 409 instead of aborting the caller's transaction.
    [row] = (await tx.transaction((inner) => inner.insert(table).values(values as never).returning())) as LedgerRow[];
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(definition);
    throw error;
  }
  await recordAudit(tx, context, {
    action: `${definition.entityType}.create`,
    entityType: definition.entityType,
    entityId: row!.id,
    organizationId: facility.organizationId,
    facilityId: facility.id,
    changes: diff(null, row as Record<string, unknown>, definition.fieldKeys),
  });
  return row!;
}

export async function updateRecord(tx: Tx, context: AuditContext, definition: LedgerDefinition, before: LedgerRow, input: Record<string, unknown> & { version: number }): Promise<LedgerRow> {
  const table = ledgerTable(definition);
  const { version, ...changes } = input;
  let row: LedgerRow | undefined;
  try {
    [row] = (await tx.transaction((inner) =>
      inner
        .update(table)
        .set({ ...changes, version: version + 1, updatedAt: new Date() } as never)
        .where(and(eq(table.id, before.id), eq(table.version, version)))
        .returning(),
    )) as LedgerRow[];
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(definition);
    throw error;
  }
  if (!row) throw versionConflict();
  await recordAudit(tx, context, {
    action: `${definition.entityType}.update`,
    entityType: definition.entityType,
    entityId: row.id,
    organizationId: row.organizationId,
    facilityId: row.facilityId,
    changes: diff(before as Record<string, unknown>, row as Record<string, unknown>, definition.fieldKeys),
  });
  return row;
}

export async function deleteRecord(tx: Tx, context: AuditContext, definition: LedgerDefinition, before: LedgerRow, version: number): Promise<void> {
  const table = ledgerTable(definition);
  const [deleted] = await tx.delete(table).where(and(eq(table.id, before.id), eq(table.version, version))).returning({ id: table.id });
  if (!deleted) throw versionConflict();
  await recordAudit(tx, context, {
    action: `${definition.entityType}.delete`,
    entityType: definition.entityType,
    entityId: before.id,
    organizationId: before.organizationId,
    facilityId: before.facilityId,
    changes: diff(before as Record<string, unknown>, null, definition.fieldKeys),
  });
}

export async function loadRecord(tx: Db | Tx, definition: LedgerDefinition, id: string): Promise<LedgerRow> {
  const table = ledgerTable(definition);
  const [row] = (await tx.select().from(table).where(eq(table.id, id))) as LedgerRow[];
  if (!row) throw notFound();
  return row;
}
