import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/connect.js';
import { runMigrations } from '../db/migrate.js';
import type { Db } from '../db/connect.js';
import { facilities } from '../db/schema.js';
import { eq } from 'drizzle-orm';

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

/** A facility named on the command line; null for an id that is not one (the command says so and exits 2). */
export async function facilityById(db: Db, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(facilities).where(eq(facilities.id, id));
  return row ?? null;
}
