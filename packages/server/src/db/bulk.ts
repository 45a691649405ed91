import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './connect.js';

/** Rows per statement: one JSON parameter each, so the size is bounded by memory, not parameter count. */
const CHUNK = 2000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Rows keyed by drizzle property name → rows keyed by column name, ready for json_populate_recordset.
 * Only the properties the rows have become columns, so the others keep their database defaults.
 */
function toColumns(table: PgTable, rows: readonly Record<string, unknown>[]) {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0] ?? {}).filter((k) => k in columns);
  const names = keys.map((k) => columns[k]!.name);
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = row[keys[i]!];
      record[names[i]!] = value instanceof Date ? value.toISOString() : value;
    }
    return record;
  });
  return { names, records };
}

/**
 * Inserts many rows with one JSON parameter per chunk (json_populate_recordset). Drizzle's multi-row
 * insert builds a placeholder per value, which for 50,000 ledger rows costs more CPU than the database
 * spends writing them (measured in docs/benchmarks.md). A row whose key exists is skipped; returns how
 * many were inserted.
 */
export async function bulkInsert(tx: Tx, table: PgTable, rows: readonly Record<string, unknown>[]): Promise<number> {
  const tableName = quote(getTableName(table));
  let written = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const { names, records } = toColumns(table, rows.slice(i, i + CHUNK));
    const columnList = sql.raw(names.map(quote).join(', '));
    const result = await tx.execute(
      sql`INSERT INTO ${sql.raw(tableName)} (${columnList}) SELECT ${columnList} FROM json_populate_recordset(NULL::${sql.raw(tableName)}, ${JSON.stringify(records)}::json) ON CONFLICT DO NOTHING RETURNING 1`,
    );
    written += rowCount(result);
  }
  return written;
}

/**
 * Updates many versioned rows by id, each only if its `version` is still the one given: the columns
 * the rows carry are overwritten, `version` goes up by one and `updated_at` is now. Returns how many
 * rows were updated (fewer than given means someone changed or deleted some meanwhile).
 */
export async function bulkUpdateVersioned(
  tx: Tx,
  table: PgTable,
  rows: readonly (Record<string, unknown> & { id: string; version: number })[],
): Promise<number> {
  const tableName = quote(getTableName(table));
  let written = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const { names, records } = toColumns(table, rows.slice(i, i + CHUNK));
    const assignments = names.filter((n) => n !== 'id' && n !== 'version').map((n) => `${quote(n)} = x.${quote(n)}`);
    assignments.push(`"version" = t."version" + 1`, `"updated_at" = now()`);
    const result = await tx.execute(
      sql`UPDATE ${sql.raw(tableName)} AS t SET ${sql.raw(assignments.join(', '))} FROM json_populate_recordset(NULL::${sql.raw(tableName)}, ${JSON.stringify(records)}::json) AS x WHERE t."id" = x."id" AND t."version" = x."version" RETURNING 1`,
    );
    written += rowCount(result);
  }
  return written;
}

const rowCount = (result: unknown) => (result as { rows: unknown[] }).rows.length;
