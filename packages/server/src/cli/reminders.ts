import { isIsoDate } from '@mamori/domain';
import { type Command, InvalidArgumentError } from 'commander';
import { loadCatalog } from '../checklist/catalog-loader.js';
import { openKeyring } from '../crypto/open-keyring.js';
import { openAppJobs } from '../jobs/app-jobs.js';
import type { Jobs } from '../jobs/jobs.js';
import { createLogger } from '../log/logger.js';
import { mailQueue } from '../mail/queue.js';
import { runReminders } from '../reminders/run.js';
import { printJson, withDatabase } from './context.js';

const parseDay = (value: string) => {
  if (!isIsoDate(value)) throw new InvalidArgumentError('YYYY-MM-DD の日付 / a date as YYYY-MM-DD');
  return value;
};

/** A dry run queues nothing: it gets no job scheduler at all, so nothing can be written through one. */
const noJobs = new Proxy({} as Jobs, {
  get() {
    throw new Error('a dry run queues no jobs');
  },
});

export function registerReminderCommands(program: Command): void {
  program
    .command('reminders')
    .description('reminders of target dates, the annual check, restore tests, log reviews and the BCP')
    .command('run')
    .description("run the day's reminder scan (what the 08:00 job does) and print what it sends as JSON")
    .option('--as-of <date>', 'the day to scan for (default: today in Tokyo)', parseDay)
    .option('--dry-run', 'write and send nothing; print what a run would send now', false)
    .action((o: { asOf?: string; dryRun: boolean }) =>
      withDatabase(async (database, config) => {
        const secrets = openKeyring(config);
        const catalog = loadCatalog();
        const options = { ...(o.asOf ? { asOf: o.asOf } : {}), dryRun: o.dryRun };
        if (o.dryRun) {
          printJson(await runReminders({ database, config, secrets, catalog, jobs: noJobs }, options));
          return;
        }
        const { jobs } = await openAppJobs(config, database, secrets, createLogger(config.logLevel));
        try {
          const sent = await runReminders({ database, config, secrets, catalog, jobs }, options);
          // The e-mails go now (the embedded database's server cannot run beside the CLI to send them).
          await jobs.drain([mailQueue.name]);
          printJson(sent);
        } finally {
          await jobs.stop();
        }
      }),
    );
}
