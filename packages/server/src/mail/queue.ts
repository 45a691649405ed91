import type { Tx } from '../db/connect.js';
import type { Jobs } from '../jobs/jobs.js';
import type { QueueDefinition } from '../jobs/queues.js';
import type { Mailer, MailMessage } from './mailer.js';

/**
 * Mail goes out from a job, never from the request: a mail server that is down or slow neither fails
 * nor delays what the user did, and the message is retried until it is accepted (12 retries with backoff, for up to about a day).
 */
export const mailQueue: QueueDefinition = { name: 'mail.send', retryLimit: 12, retryDelay: 60, retryBackoff: true, retryDelayMax: 4 * 60 * 60, expireInSeconds: 5 * 60 };

/** Queues a message in the caller's transaction: it is sent only if the transaction commits. */
export function enqueueMail(jobs: Jobs, tx: Tx, message: MailMessage): Promise<void> {
  return jobs.enqueue(tx, mailQueue.name, message);
}

export function registerMailWorker(jobs: Jobs, mailer: Mailer): void {
  jobs.work<MailMessage>(mailQueue.name, (message) => mailer.send(message));
}
