import type { Tx } from '../db/connect.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Jobs } from '../jobs/jobs.js';
import type { QueueDefinition } from '../jobs/queues.js';
import type { Mailer, MailMessage } from './mailer.js';

/**
 * Mail goes out from a job, never from the request: a mail server that is down or slow neither fails
 * nor delays what the user did, and the message is retried until it is accepted (12 retries with backoff, for up to about a day).
 */
export const mailQueue: QueueDefinition = {
  name: 'mail.send',
  retryLimit: 12,
  retryDelay: 60,
  retryBackoff: true,
  retryDelayMax: 4 * 60 * 60,
  expireInSeconds: 5 * 60,
};

/**
 * The job's data is the message sealed with the secret key: the job table keeps jobs for days, and a
 * vendor's sign-up link in it is as good as the vendor's account.
 */
interface MailJob {
  sealed?: string;
}

const mailJob = (secrets: Keyring, message: MailMessage): MailJob => ({ sealed: secrets.seal('mail', JSON.stringify(message)) });

/** Queues a message in the caller's transaction: it is sent only if the transaction commits. */
export function enqueueMail(jobs: Jobs, secrets: Keyring, tx: Tx, message: MailMessage): Promise<void> {
  return jobs.enqueue(tx, mailQueue.name, mailJob(secrets, message));
}

/** Queues many messages in the caller's transaction in one insert (the daily reminders). */
export async function enqueueMails(jobs: Jobs, secrets: Keyring, tx: Tx, messages: readonly MailMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await jobs.enqueueMany(
    tx,
    mailQueue.name,
    messages.map((message) => mailJob(secrets, message)),
  );
}

export function registerMailWorker(jobs: Jobs, mailer: Mailer, secrets: Keyring): void {
  // A clear message can only come from a server of an older version still running during an upgrade.
  jobs.work<MailJob | MailMessage>(mailQueue.name, (job) =>
    mailer.send('sealed' in job && job.sealed ? (JSON.parse(secrets.open('mail', job.sealed)) as MailMessage) : (job as MailMessage)),
  );
}
