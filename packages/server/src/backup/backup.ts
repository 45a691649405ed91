import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Database } from '../db/connect.js';
import { backupTables } from './tables.js';

const FORMAT = 'mamori-backup/1';

interface Header {
  format: typeof FORMAT;
  createdAt: string;
  migrations: number;
  tables: Record<string, number>;
}

async function migrationCount(query: (text: string) => Promise<{ rows: Record<string, unknown>[] }>): Promise<number> {
  const { rows } = await query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  return Number(rows[0]?.n ?? 0);
}

/**
 * Writes every table as gzip'd JSON lines (a header, then one line per row) from a single read-only
 * snapshot, so the archive is consistent even while the app keeps writing.
 */
export async function writeBackup(database: Database, outFile: string): Promise<Header> {
  return database.withConnection(async (query) => {
    await query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const header: Header = { format: FORMAT, createdAt: new Date().toISOString(), migrations: await migrationCount(query), tables: {} };
      const lines: string[] = [];
      for (const table of backupTables) {
        const { rows } = await query(`SELECT row_to_json(t) AS row FROM "${table}" t`);
        header.tables[table] = rows.length;
        for (const r of rows) lines.push(JSON.stringify({ table, row: r.row }));
      }
      await pipeline(Readable.from([`${JSON.stringify(header)}\n`, ...lines.map((l) => `${l}\n`)]), createGzip(), fs.createWriteStream(outFile));
      return header;
    } finally {
      await query('COMMIT');
    }
  });
}

export class RestoreError extends Error {}

/** Loads an archive into a freshly migrated, empty database in one transaction: all or nothing. */
export async function restoreBackup(database: Database, inFile: string): Promise<Header> {
  const input = readline.createInterface({ input: fs.createReadStream(inFile).pipe(createGunzip()), crlfDelay: Infinity });
  let header: Header | undefined;
  const rowsByTable = new Map<string, unknown[]>(backupTables.map((t) => [t, []]));
  for await (const line of input) {
    if (!line) continue;
    if (!header) {
      header = JSON.parse(line) as Header;
      if (header.format !== FORMAT) throw new RestoreError(`バックアップ形式が違います / not a Mamori backup: ${inFile}`);
      continue;
    }
    const { table, row } = JSON.parse(line) as { table: string; row: unknown };
    const bucket = rowsByTable.get(table);
    if (!bucket) throw new RestoreError(`不明なテーブル / unknown table in backup: ${table}`);
    bucket.push(row);
  }
  if (!header) throw new RestoreError(`空のファイルです / empty backup file: ${inFile}`);
  const expected = header;
  await database.withConnection(async (query) => {
    const migrations = await migrationCount(query);
    if (migrations !== expected.migrations) {
      throw new RestoreError(`バックアップのスキーマ版 (${expected.migrations}) とこのMamori (${migrations}) が一致しません / schema version mismatch`);
    }
    for (const table of backupTables) {
      const { rows } = await query(`SELECT 1 FROM "${table}" LIMIT 1`);
      if (rows.length) throw new RestoreError(`復元先が空ではありません (${table}) / the target database is not empty`);
    }
    await query('BEGIN');
    try {
      for (const table of backupTables) {
        const rows = rowsByTable.get(table)!;
        for (let i = 0; i < rows.length; i += 500) {
          await query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(null::"${table}", $1::json)`, [JSON.stringify(rows.slice(i, i + 500))]);
        }
      }
      await query('COMMIT');
    } catch (error) {
      await query('ROLLBACK');
      throw error;
    }
  });
  return expected;
}
