import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { runMigrations } from '../db/migrate.js';

export async function serve(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  await runMigrations(database);
  const app = await buildApp({ config, database, serveWeb: true });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ host: config.host, port: config.port });
  app.log.info(`Mamori: http://${config.host}:${config.port} (${database.kind === 'pglite' ? `PGlite ${config.database.kind === 'pglite' ? config.database.dataDir : ''}` : 'PostgreSQL'})`);
}
