import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import type { Database } from '../db/connect.js';
import { JOB_SCHEMA } from '../jobs/schema.js';
import { backupTables, qualifiedName, tableLabel, type BackupTable } from './tables.js';
import {
  blobEntries,
  CHUNK_BYTES,
  FORMAT,
  HEADER_ENTRY,
  jobSchemaVersion,
  MANIFEST_ENTRY,
  migrationCount,
  rowsEntry,
  type BackupHeader,
  type BackupManifest,
  type BackupSummary,
  type Query,
} from './format.js';

/** Rows fetched from the cursor at a time; a chunk entry collects several fetches. */
const FETCH_ROWS = 1000;
/** Stored files whose row is fetched at a time; each file's bytes are then read on their own. */
const FETCH_FILES = 100;

type Add = (name: string, content: Buffer) => Promise<void>;

/**
 * Writes the whole database (app tables, job tables, stored files) from one read-only snapshot, so the archive
 * is consistent while the app keeps writing. Rows stream through a cursor and files go one at a time, so memory
 * holds one chunk of rows or one file, whatever the size. The archive is written beside the target as
 * `<out>.tmp-<pid>`, flushed to disk and renamed over it only when complete: a backup killed half-way never
 * destroys the previous one.
 */
export async function writeBackup(database: Database, outFile: string, options: { chunkBytes?: number } = {}): Promise<BackupSummary> {
  const temporary = `${outFile}.tmp-${process.pid}`;
  try {
    const summary = await database.withConnection(async (query) => {
      await query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        return await writeArchive(query, temporary, options.chunkBytes ?? CHUNK_BYTES);
      } finally {
        await query('COMMIT');
      }
    });
    await syncFile(temporary);
    fs.renameSync(temporary, outFile);
    syncDirectory(path.dirname(path.resolve(outFile)));
    return summary;
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

async function writeArchive(query: Query, file: string, chunkBytes: number): Promise<BackupSummary> {
  const pack = tar.pack();
  // 'wx': a leftover of the same pid is never appended to; the caller removes it on failure.
  // Level 1: stored files (PDF, images) do not compress, and CPU spent trying is most of a backup's time.
  const written = pipeline(pack, createGzip({ level: 1 }), fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  let failure: unknown;
  written.catch((error: unknown) => (failure ??= error));
  // Resolves once the entry has passed into the gzip stream: the pack's back-pressure is what bounds memory.
  const add: Add = (name, content) =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      pack.entry({ name, size: content.length, mtime: new Date(0) }, content, (error) => (error ? reject(failure ?? error) : resolve()));
    });
  try {
    const header: BackupHeader = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      migrations: await migrationCount(query),
      jobSchemaVersion: await jobSchemaVersion(query, JOB_SCHEMA),
    };
    await add(HEADER_ENTRY, Buffer.from(JSON.stringify(header)));
    const manifest: BackupManifest = { tables: {}, files: 0, fileBytes: 0 };
    for (const table of backupTables) {
      manifest.tables[tableLabel(table)] = table.blob ? await writeBlobs(query, table, add, manifest) : await writeRows(query, table, add, chunkBytes);
    }
    await add(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest)));
    pack.finalize();
    await written;
    return { ...header, ...manifest };
  } catch (error) {
    pack.destroy(error as Error);
    await written.catch(() => {});
    throw failure ?? error;
  }
}

/** A table as JSON lines through a cursor, cut into entries of about chunkBytes. */
async function writeRows(query: Query, table: BackupTable, add: Add, chunkBytes: number): Promise<number> {
  await query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS line FROM ${qualifiedName(table)} t`);
  let count = 0;
  let entries = 0;
  let lines: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!lines.length) return;
    await add(rowsEntry(tableLabel(table), ++entries), Buffer.from(`${lines.join('\n')}\n`));
    lines = [];
    size = 0;
  };
  for (;;) {
    const { rows } = await query(`FETCH ${FETCH_ROWS} FROM backup_rows`);
    for (const { line } of rows) {
      lines.push(line as string);
      size += (line as string).length + 1;
      count++;
      if (size >= chunkBytes) await flush();
    }
    if (rows.length < FETCH_ROWS) break;
  }
  await flush();
  await query('CLOSE backup_rows');
  return count;
}

/** Each row without its blob column, then the blob's bytes as an entry of their own. */
async function writeBlobs(query: Query, table: BackupTable, add: Add, manifest: BackupManifest): Promise<number> {
  const { column, key } = table.blob!;
  // The row is built from the other columns only: to_jsonb(t) - 'content' would hex-encode every file first.
  const { rows: columns } = await query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name <> $3 ORDER BY ordinal_position`,
    [table.schema, table.name, column],
  );
  const list = columns.map((c) => `"${c.column_name as string}"`).join(', ');
  await query(
    `DECLARE backup_blobs NO SCROLL CURSOR FOR SELECT "${key}"::text AS key, row_to_json(r)::text AS row FROM (SELECT ${list} FROM ${qualifiedName(table)}) r`,
  );
  let count = 0;
  for (;;) {
    const { rows } = await query(`FETCH ${FETCH_FILES} FROM backup_blobs`);
    for (const { key: id, row } of rows) {
      const names = blobEntries(tableLabel(table), id as string);
      const { rows: content } = await query(`SELECT "${column}" AS content FROM ${qualifiedName(table)} WHERE "${key}" = $1`, [id]);
      const bytes = content[0]!.content as Uint8Array;
      await add(names.row, Buffer.from(row as string));
      await add(names.content, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      manifest.files++;
      manifest.fileBytes += bytes.byteLength;
      count++;
    }
    if (rows.length < FETCH_FILES) break;
  }
  await query('CLOSE backup_blobs');
  return count;
}

async function syncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The rename is durable only once the directory is flushed too (not possible on every platform). */
function syncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory; the rename itself is still atomic there.
  }
}
