import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/connect.js';
import { runMigrations } from '../db/migrate.js';

/** Opens the configured database (migrated) for one CLI command and always closes it. */
export async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
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
