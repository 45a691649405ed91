import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './connect.js';
import { bossDatabase } from '../jobs/database.js';
import { installJobSchema } from '../jobs/schema.js';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
/** Arbitrary but fixed: every app server of a deployment contends for the same key. */
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Applies pending migrations, then installs or upgrades the job scheduler's schema (so a request can
 * enqueue a job before any worker starts); app servers starting together wait for each other on an advisory lock.
 */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    await installJobSchema(bossDatabase(database), 'pglite');
    return;
  }
  await database.withConnection(async (query) => {
    await query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
      await installJobSchema({ executeSql: query }, 'postgres');
    } finally {
      await query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}
