import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import type { Database } from '../db/connect.js';
import { JOB_SCHEMA } from '../jobs/schema.js';
import { partitionDdl } from '../access-logs/partitions.js';
import { backupTables, qualifiedName, tableLabel, type BackupTable } from './tables.js';
import {
  FORMAT,
  HEADER_ENTRY,
  jobSchemaVersion,
  MANIFEST_ENTRY,
  migrationCount,
  RestoreError,
  type BackupHeader,
  type BackupManifest,
  type BackupSummary,
  type Query,
} from './format.js';

/** Rows per INSERT: one JSON array of this many lines, well within any statement size. */
const INSERT_ROWS = 500;

/**
 * Loads an archive into a freshly migrated, empty database in one transaction: all or nothing. The tar is read
 * entry by entry and inserted as it comes, so memory holds one chunk of rows or one stored file at a time.
 */
export async function restoreBackup(database: Database, inFile: string): Promise<BackupSummary> {
  if (!fs.existsSync(inFile)) throw new RestoreError(`ファイルがありません / no such file: ${inFile}`);
  if (await isFirstFormat(inFile)) {
    throw new RestoreError(
      `旧形式 (mamori-backup/1) のバックアップです。作成したときの版のMamoriで復元してから、この版でバックアップし直してください / a mamori-backup/1 archive: restore it with the Mamori version that wrote it, then back up again with this one`,
    );
  }
  return database.withConnection(async (query) => {
    await query('BEGIN');
    try {
      const summary = await readArchive(query, inFile);
      await query('COMMIT');
      return summary;
    } catch (error) {
      await query('ROLLBACK');
      throw error;
    }
  });
}

async function readArchive(query: Query, inFile: string): Promise<BackupSummary> {
  const extract = tar.extract();
  const reading = pipeline(fs.createReadStream(inFile), createGunzip(), extract);
  let failure: unknown;
  reading.catch((error: unknown) => (failure ??= error));
  const loader = new Loader(query);
  try {
    for await (const entry of extract) {
      await loader.entry(entry.header.name, await readEntry(entry as AsyncIterable<Buffer>, entry.header.size ?? 0));
    }
    await reading;
  } catch (error) {
    extract.destroy();
    await reading.catch(() => {});
    if (failure && !(error instanceof RestoreError))
      throw new RestoreError(`バックアップファイルが壊れています / the archive is damaged: ${(failure as Error).message}`);
    throw error;
  }
  return loader.finish();
}

/** One entry's bytes, into a buffer of the size its header states (a stored file or a chunk of rows). */
async function readEntry(entry: AsyncIterable<Buffer>, size: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  let at = 0;
  for await (const chunk of entry) {
    if (at + chunk.length > size) throw new RestoreError('バックアップファイルが壊れています / the archive is damaged (entry size)');
    chunk.copy(buffer, at);
    at += chunk.length;
  }
  if (at !== size) throw new RestoreError('バックアップファイルが壊れています / the archive is damaged (entry cut short)');
  return buffer;
}

/** Takes the entries in archive order and checks that order: header first, tables in restore order, manifest last. */
class Loader {
  private header: BackupHeader | undefined;
  private manifest: BackupManifest | undefined;
  private tableIndex = -1;
  private readonly counts: Record<string, number> = {};
  private files = 0;
  private fileBytes = 0;
  private pendingBlobRow: { name: string; row: string } | undefined;
  private readonly columns = new Map<string, string[]>();

  constructor(private readonly query: Query) {}

  async entry(name: string, content: Buffer): Promise<void> {
    if (!this.header) {
      if (name !== HEADER_ENTRY) throw new RestoreError(`バックアップ形式が違います / not a Mamori backup`);
      return this.start(JSON.parse(content.toString('utf8')) as BackupHeader);
    }
    if (this.manifest) throw new RestoreError(`バックアップファイルが壊れています / the archive is damaged (entry after the manifest: ${name})`);
    if (name === MANIFEST_ENTRY) {
      if (this.pendingBlobRow)
        throw new RestoreError(`バックアップファイルが壊れています / the archive is damaged (no content for ${this.pendingBlobRow.name})`);
      this.manifest = JSON.parse(content.toString('utf8')) as BackupManifest;
      return;
    }
    const [, label, rest] = /^(?:tables\/)?([^/]+)\/(.+)$/.exec(name) ?? [];
    const table = this.advanceTo(label, name);
    if (!table.blob) {
      if (!name.startsWith('tables/') || !rest!.endsWith('.ndjson')) throw unexpected(name);
      return this.insertRows(table, content.toString('utf8'));
    }
    if (rest!.endsWith('.json')) {
      if (this.pendingBlobRow) throw unexpected(name);
      this.pendingBlobRow = { name: name.slice(0, -'.json'.length), row: content.toString('utf8') };
      return;
    }
    if (!rest!.endsWith('.bin') || this.pendingBlobRow?.name !== name.slice(0, -'.bin'.length)) throw unexpected(name);
    await this.insertBlob(table, this.pendingBlobRow.row, content);
    this.pendingBlobRow = undefined;
  }

  finish(): BackupSummary {
    if (!this.header || !this.manifest) {
      throw new RestoreError('バックアップファイルが途中で切れています（最後まで書かれていません）/ the archive is incomplete: it was cut short');
    }
    for (const table of backupTables) {
      const label = tableLabel(table);
      if ((this.manifest.tables[label] ?? 0) !== (this.counts[label] ?? 0)) {
        throw new RestoreError(
          `バックアップファイルが壊れています / the archive is damaged: ${label} has ${this.counts[label] ?? 0} rows, the manifest says ${this.manifest.tables[label]}`,
        );
      }
    }
    if (this.files !== this.manifest.files || this.fileBytes !== this.manifest.fileBytes)
      throw new RestoreError('バックアップファイルが壊れています / the archive is damaged (stored files)');
    return { ...this.header, ...this.manifest };
  }

  /** Same schema on both sides, and nothing to overwrite. */
  private async start(header: BackupHeader): Promise<void> {
    if (header.format !== FORMAT) throw new RestoreError(`バックアップ形式が違います / not a Mamori backup (${String(header.format)})`);
    const migrations = await migrationCount(this.query);
    if (migrations !== header.migrations) {
      throw new RestoreError(`バックアップのスキーマ版 (${header.migrations}) とこのMamori (${migrations}) が一致しません / schema version mismatch`);
    }
    const jobs = await jobSchemaVersion(this.query, JOB_SCHEMA);
    if (jobs !== header.jobSchemaVersion) {
      throw new RestoreError(`バックアップのジョブスキーマ版 (${header.jobSchemaVersion}) とこのMamori (${jobs}) が一致しません / job schema version mismatch`);
    }
    for (const table of backupTables) {
      if (table.merge) continue;
      const { rows } = await this.query(`SELECT 1 FROM ${qualifiedName(table)} LIMIT 1`);
      if (rows.length) throw new RestoreError(`復元先が空ではありません (${tableLabel(table)}) / the target database is not empty`);
    }
    this.header = header;
  }

  /** Tables come in restore order (parents first), each once. */
  private advanceTo(label: string | undefined, name: string): BackupTable {
    const current = backupTables[this.tableIndex];
    if (current && tableLabel(current) === label) return current;
    const next = backupTables.findIndex((t, i) => i > this.tableIndex && tableLabel(t) === label);
    if (next < 0) throw unexpected(name);
    if (this.pendingBlobRow) throw unexpected(name);
    this.tableIndex = next;
    return backupTables[next]!;
  }

  private async insertRows(table: BackupTable, text: string): Promise<void> {
    const lines = text.split('\n').filter(Boolean);
    const columns = await this.columnsOf(table);
    const list = columns.map((c) => `"${c}"`).join(', ');
    const conflict = table.merge ? ' ON CONFLICT DO NOTHING' : '';
    if (table.name === 'log_events') await this.createMonthPartitions(lines);
    for (let i = 0; i < lines.length; i += INSERT_ROWS) {
      const batch = lines.slice(i, i + INSERT_ROWS);
      await this.query(
        `INSERT INTO ${qualifiedName(table)} (${list}) SELECT ${list} FROM json_populate_recordset(null::${qualifiedName(table)}, $1::json)${conflict}`,
        [`[${batch.join(',')}]`],
      );
    }
    const label = tableLabel(table);
    this.counts[label] = (this.counts[label] ?? 0) + lines.length;
  }

  /** Access log events go into month partitions (migration 0008), which a fresh database does not have yet. */
  private async createMonthPartitions(lines: string[]): Promise<void> {
    const statements = new Set(lines.map((line) => partitionDdl(new Date((JSON.parse(line) as { received_at: string }).received_at))));
    for (const statement of statements) await this.query(statement);
  }

  private async insertBlob(table: BackupTable, row: string, content: Buffer): Promise<void> {
    const { column } = table.blob!;
    const others = (await this.columnsOf(table)).filter((c) => c !== column).map((c) => `"${c}"`);
    await this.query(
      `INSERT INTO ${qualifiedName(table)} (${others.join(', ')}, "${column}") SELECT ${others.map((c) => `r.${c}`).join(', ')}, $2 FROM json_populate_record(null::${qualifiedName(table)}, $1::json) r`,
      [row, content],
    );
    const label = tableLabel(table);
    this.counts[label] = (this.counts[label] ?? 0) + 1;
    this.files++;
    this.fileBytes += content.length;
  }

  /** The target's own columns (generated ones excluded): a value the archive has for a dropped column is not silently kept. */
  private async columnsOf(table: BackupTable): Promise<string[]> {
    const known = this.columns.get(tableLabel(table));
    if (known) return known;
    const { rows } = await this.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      [table.schema, table.name],
    );
    const columns = rows.map((r) => r.column_name as string);
    this.columns.set(tableLabel(table), columns);
    return columns;
  }
}

const unexpected = (name: string) => new RestoreError(`バックアップファイルが壊れています / the archive is damaged (unexpected entry ${name})`);

/** The first format was gzip'd JSON lines starting with its header object; this one is a tar. */
async function isFirstFormat(file: string): Promise<boolean> {
  const stream = fs.createReadStream(file).pipe(createGunzip());
  try {
    for await (const chunk of stream) return (chunk as Buffer)[0] === 0x7b; // '{'
    return false;
  } catch {
    return false;
  } finally {
    stream.destroy();
  }
}
