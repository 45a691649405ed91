import type { BaseLogger } from 'pino';
import { accessLogUpkeepQueue, registerAccessLogUpkeep } from '../access-logs/upkeep.js';
import { auditCheckpointQueue, registerAuditCheckpoints } from '../audit/checkpoint-job.js';
import type { Config } from '../config.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Database } from '../db/connect.js';
import { createLogger } from '../log/logger.js';
import { createMailer, type Mailer } from '../mail/mailer.js';
import { mailQueue, registerMailWorker } from '../mail/queue.js';
import { purgeQueue, registerPurge } from '../maintenance/purge.js';
import { digestQueue, registerDigest } from '../notifications/digest.js';
import { registerSummaryRefresh, summaryQueues } from '../oversight/refresh.js';
import { registerReminders, reminderQueue } from '../reminders/run.js';
import { registerVendorReminders, vendorReminderQueue } from '../vendors/reminders.js';
import { openJobs, type Jobs } from './jobs.js';
import type { QueueDefinition } from './queues.js';

/** Every queue the app uses; a feature that adds a queue declares it here and registers its worker below. */
export const appQueues: QueueDefinition[] = [
  mailQueue,
  vendorReminderQueue,
  purgeQueue,
  auditCheckpointQueue,
  accessLogUpkeepQueue,
  reminderQueue,
  digestQueue,
  ...summaryQueues,
];

export interface AppJobs {
  jobs: Jobs;
  mailer: Mailer;
}

/**
 * The app's background work: the job scheduler with every feature's queues and workers, and the
 * mailer they send with. Opened before buildApp (both are AppDeps); jobs.start() is left to serve.
 */
export async function openAppJobs(config: Config, database: Database, secrets: Keyring, log: BaseLogger = createLogger(config.logLevel)): Promise<AppJobs> {
  const mailer = createMailer(config.mail, log);
  const jobs = await openJobs(database, { queues: appQueues, log, intervals: { pollSeconds: config.jobPollSeconds } });
  registerMailWorker(jobs, mailer, secrets);
  registerVendorReminders({ database, config, jobs, secrets });
  registerPurge({ db: database.db, config, jobs });
  registerAuditCheckpoints({ db: database.db, secrets, config, jobs, log });
  registerAccessLogUpkeep({ database, config, jobs, secrets, log });
  registerReminders({ database, config, jobs, secrets });
  registerDigest({ database, config, jobs, secrets });
  registerSummaryRefresh({ db: database.db, jobs });
  return { jobs, mailer };
}
