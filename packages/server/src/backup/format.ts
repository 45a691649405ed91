/**
 * The archive: a gzip'd tar, read and written as a stream so memory stays bounded whatever its size.
 *
 *   mamori-backup.json                       header (format, schema versions, when)
 *   tables/<table>/<n>.ndjson                rows as JSON lines, in chunks of about CHUNK_BYTES, tables in restore order
 *   files/<sha256>.json, files/<sha256>.bin  one stored file: its row without the content, then the bytes
 *   manifest.json                            trailer: rows per table; a restore without it was cut short and is refused
 */
export const FORMAT = 'mamori-backup/2';
export const HEADER_ENTRY = 'mamori-backup.json';
export const MANIFEST_ENTRY = 'manifest.json';
/** A rows entry is cut once it passes this size, so writer and reader each hold at most about one chunk. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

export interface BackupHeader {
  format: typeof FORMAT;
  createdAt: string;
  /** Applied drizzle migrations; a restore needs the same count. */
  migrations: number;
  /** pg-boss's schema version; the job tables restore only into the same. */
  jobSchemaVersion: number;
}

export interface BackupManifest {
  /** Rows per table (tableLabel). */
  tables: Record<string, number>;
  /** Stored files and their total size in bytes. */
  files: number;
  fileBytes: number;
}

export type BackupSummary = BackupHeader & BackupManifest;

export const rowsEntry = (label: string, n: number) => `tables/${label}/${String(n).padStart(6, '0')}.ndjson`;
export const blobEntries = (label: string, key: string) => ({ row: `${label}/${key}.json`, content: `${label}/${key}.bin` });

export class RestoreError extends Error {}

export type Query = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export async function migrationCount(query: Query): Promise<number> {
  const { rows } = await query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  return Number(rows[0]?.n ?? 0);
}

export async function jobSchemaVersion(query: Query, schema: string): Promise<number> {
  const { rows } = await query(`SELECT version FROM "${schema}".version`);
  return Number(rows[0]?.version ?? 0);
}
