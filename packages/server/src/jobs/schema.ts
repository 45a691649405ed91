import { PgBoss } from 'pg-boss';
import type { Backend, BossDb } from './database.js';

/** pg-boss keeps its tables in their own schema, apart from the app's tables (and out of its backups). */
export const JOB_SCHEMA = 'pgboss';

/**
 * Installs pg-boss's schema, or migrates it after a pg-boss upgrade, through pg-boss's own start-up
 * path (it takes an advisory lock of its own, so concurrent app servers are safe). Run with the
 * database migrations, so a request can enqueue before any worker has started.
 */
export async function installJobSchema(db: BossDb, backend: Backend): Promise<void> {
  const boss = new PgBoss({ db, backend, schema: JOB_SCHEMA, migrate: true, supervise: false, schedule: false });
  let failure: unknown;
  boss.on('error', (error) => (failure ??= error));
  await boss.start();
  await boss.stop({ graceful: false, close: false });
  if (failure) throw failure;
}
