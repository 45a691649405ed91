import type { AuditAction } from '@mamori/domain';
import { and, eq, getTableColumns } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { diff, recordAudit, type AuditContext } from '../audit/record.js';
import type { Db, Tx } from '../db/connect.js';
import { versionConflict } from '../http/errors.js';

/**
 * The one way a service changes a record: the row write and its audit event in the same transaction,
 * versioned updates and deletes that answer 409 when the caller's version is stale.
 */

type Table = PgTable & { id: PgColumn };
type Row<T extends Table> = T['$inferSelect'];

export interface Audit<R> {
  action: AuditAction;
  entityType: string;
  /** The tenant the record belongs to: the audit trail is filtered by it. */
  scope: { organizationId: string | null; facilityId: string | null };
  /** The fields whose before and after go into the trail (never secrets). */
  fields: readonly (keyof R & string)[];
  /** What the field diff cannot see: the parent's name, a count. */
  extra?: Record<string, { before: unknown; after: unknown }>;
}

/** The tenant of a record a facility owns (a plan, an answer, a ledger row): what its audit events are filed under. */
export const scopeOf = (row: { organizationId: string; facilityId: string }) => ({ organizationId: row.organizationId, facilityId: row.facilityId });

/** The tenant of a facility itself, and of what is written straight under it. */
export const facilityScope = (facility: { organizationId: string; id: string }) => ({ organizationId: facility.organizationId, facilityId: facility.id });

const changesOf = <R>(before: R | null, after: R | null, audit: Audit<R>) => ({
  ...(audit.extra ?? {}),
  ...diff(before as Record<string, unknown> | null, after as Record<string, unknown> | null, audit.fields),
});

const event = <R>(audit: Audit<R>, entityId: string, before: R | null, after: R | null) => ({
  action: audit.action,
  entityType: audit.entityType,
  entityId,
  ...audit.scope,
  changes: changesOf(before, after, audit),
});

/** Runs `work` in one transaction: every write inside it and its audit events commit or roll back together. */
export const inTransaction = <T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> => db.transaction(work);

export async function insertAudited<T extends Table>(
  tx: Tx,
  context: AuditContext,
  table: T,
  values: T['$inferInsert'],
  audit: Audit<Row<T>>,
): Promise<Row<T>> {
  const [row] = (await tx.insert(table).values(values).returning()) as Row<T>[];
  await recordAudit(tx, context, event(audit, (row as { id: string }).id, null, row!));
  return row!;
}

const versionColumns = (table: Table) => {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  return { version: columns.version, updatedAt: columns.updatedAt };
};

/**
 * Updates `before` if it is still at `version` (the version the caller read), bumping the version;
 * a table without versions is updated as it stands (`version` null).
 */
export async function updateAudited<T extends Table>(
  tx: Tx,
  context: AuditContext,
  table: T,
  before: Row<T>,
  version: number | null,
  changes: Partial<T['$inferInsert']>,
  audit: Audit<Row<T>>,
): Promise<Row<T>> {
  const columns = versionColumns(table);
  const id = (before as { id: string }).id;
  const set: Record<string, unknown> = { ...changes };
  if (columns.updatedAt) set.updatedAt = new Date();
  let where = eq(table.id, id);
  if (columns.version && version !== null) {
    set.version = version + 1;
    where = and(where, eq(columns.version, version))!;
  }
  const [row] = (await tx
    .update(table)
    .set(set as never)
    .where(where)
    .returning()) as Row<T>[];
  if (!row) throw versionConflict();
  await recordAudit(tx, context, event(audit, id, before, row));
  return row;
}

/** Deletes `before` if it is still at `version` (null: whatever its version, for rows that have none). */
export async function deleteAudited<T extends Table>(
  tx: Tx,
  context: AuditContext,
  table: T,
  before: Row<T>,
  version: number | null,
  audit: Audit<Row<T>>,
): Promise<void> {
  const columns = versionColumns(table);
  const id = (before as { id: string }).id;
  const where = columns.version && version !== null ? and(eq(table.id, id), eq(columns.version, version))! : eq(table.id, id);
  const deleted = await tx.delete(table).where(where).returning({ id: table.id });
  if (deleted.length === 0) throw versionConflict();
  await recordAudit(tx, context, event(audit, id, before, null));
}
