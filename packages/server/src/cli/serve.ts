import { startLogReceiver } from '../access-logs/syslog-sink.js';
import { buildApp } from '../app.js';
import { checkpointAuditTrail } from '../audit/checkpoint-job.js';
import { loadConfig } from '../config.js';
import { openKeyring } from '../crypto/open-keyring.js';
import { resealSecrets } from '../crypto/reseal.js';
import { openDatabase } from '../db/connect.js';
import { runMigrations } from '../db/migrate.js';
import { openAppJobs } from '../jobs/app-jobs.js';
import { createLogger } from '../log/logger.js';

export async function serve(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config.database);
  await runMigrations(database);
  const secrets = openKeyring(config);
  const resealed = await resealSecrets(database, secrets);
  if (resealed.totp || resealed.mail)
    log.info(resealed, `秘密情報を現在の鍵 ${secrets.currentId} で暗号化し直しました / secrets re-encrypted with the current key`);
  const { jobs, mailer } = await openAppJobs(config, database, secrets, log);
  // Anchors what the last run left before taking requests; the schedule keeps it up to date.
  await checkpointAuditTrail({ db: database.db, secrets, config, log });
  const app = await buildApp({ config, database, jobs, mailer, secrets, log, serveWeb: true });
  const syslog = config.syslog ? await startLogReceiver(database.db, config.syslog, log) : undefined;
  // Stop taking requests first, then let running jobs finish, and only then close the database they use.
  const shutdown = async () => {
    await app.close();
    await syslog?.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ host: config.host, port: config.port });
  await jobs.start();
  app.log.info(
    `Mamori: http://${config.host}:${config.port} (${database.kind === 'pglite' ? `PGlite ${config.database.kind === 'pglite' ? config.database.dataDir : ''}` : 'PostgreSQL'})`,
  );
  if (!config.mail.smtpUrl)
    app.log.info(
      'MAMORI_SMTP_URL が未設定のため、メールは送信せずログに出力します / MAMORI_SMTP_URL is not set: mail is written to this log instead of being sent',
    );
}
