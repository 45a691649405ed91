import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the mail server received it, decoded (headers and body back to UTF-8 text). */
export interface CapturedMail {
  from: string;
  /** The envelope recipients, comma-separated. */
  to: string;
  subject: string;
  text: string;
  /** The List-Unsubscribe header (RFC 2369), when the message has one. */
  listUnsubscribe?: string;
  /** The List-Unsubscribe-Post header (RFC 8058), when the message has one. */
  listUnsubscribePost?: string;
}

export interface SmtpCapture {
  /** For MAMORI_SMTP_URL. */
  url: string;
  port: number;
  messages: CapturedMail[];
  /** The first message, received or still to come, that matches. */
  waitFor(predicate?: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  close(): Promise<void>;
}

export interface SmtpCaptureOptions {
  /** Default: a free port. A browser test whose server starts first passes a fixed one. */
  port?: number;
  /** Also append each message as a JSON line to this file, for a test running in another process (see readSpool). */
  spoolFile?: string;
}

/**
 * An in-process mail server on 127.0.0.1 that accepts every message without authentication or TLS
 * and keeps it, parsed. Shared by the API tests and the browser tests (e2e imports this file by
 * relative path: ../../packages/server/test/helpers/smtp.js).
 */
export async function startSmtpCapture(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const waiters = new Set<(mail: CapturedMail) => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: CapturedMail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address).join(', '),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          };
          const header = (name: string) => parsed.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '');
          const listUnsubscribe = header('list-unsubscribe');
          const listUnsubscribePost = header('list-unsubscribe-post');
          if (listUnsubscribe) mail.listUnsubscribe = listUnsubscribe;
          if (listUnsubscribePost) mail.listUnsubscribePost = listUnsubscribePost;
          messages.push(mail);
          if (options.spoolFile) fs.appendFileSync(options.spoolFile, `${JSON.stringify(mail)}\n`);
          for (const waiter of waiters) waiter(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor(predicate = () => true, timeoutMs = 5_000) {
      const already = messages.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching mail within ${timeoutMs} ms; received: ${JSON.stringify(messages.map((m) => ({ to: m.to, subject: m.subject })))}`));
        }, timeoutMs);
        const waiter = (mail: CapturedMail) => {
          if (!predicate(mail)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(mail);
        };
        waiters.add(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The messages a capture with spoolFile has received so far (none if the file does not exist yet). */
export function readSpool(spoolFile: string): CapturedMail[] {
  if (!fs.existsSync(spoolFile)) return [];
  return fs
    .readFileSync(spoolFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CapturedMail);
}
