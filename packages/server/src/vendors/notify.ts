import type { Tx } from '../db/connect.js';
import type { AppDeps } from '../http/types.js';
import { enqueueMail } from '../mail/index.js';
import type { MailText } from './mail-texts.js';

/** Queues an e-mail in the caller's transaction: it is sent (and retried) only if the change commits. */
export function mailVendor(deps: Pick<AppDeps, 'jobs' | 'secrets'>, tx: Tx, to: string, mail: MailText): Promise<void> {
  return enqueueMail(deps.jobs, deps.secrets, tx, { to, subject: mail.subject, text: mail.text });
}
