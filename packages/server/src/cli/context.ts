import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/connect.js';
import { runMigrations } from '../db/migrate.js';

/**
 * Opens the configured database (migrated) for one CLI command and always closes it. `existing`: the embedded
 * database must already be there (a backup of a mistyped MAMORI_DATA_DIR would otherwise create an empty one
 * and save that).
 */
export async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>, options: { existing?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  if (options.existing && config.database.kind === 'pglite' && !fs.existsSync(path.join(config.database.dataDir, 'PG_VERSION'))) {
    throw new ConfigError(`データディレクトリがありません / no Mamori data directory at ${config.database.dataDir} (MAMORI_DATA_DIR)`);
  }
  const database = await openDatabase(config.database);
  try {
    await runMigrations(database);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

export const cliAudit = { actorId: null, ip: 'cli' };

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
