import nodemailer from 'nodemailer';
import type { BaseLogger } from 'pino';
import type { Config } from '../config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, such as List-Unsubscribe (RFC 8058) on a reminder. */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * Sends through MAMORI_SMTP_URL. Without it nothing is sent: the message is written to the log at
 * info level (recipient, subject and text), so `npm start` on a clinic PC with no mail server still
 * shows an invitation link in the console for someone to pass on.
 */
export function createMailer(config: Config['mail'], log: BaseLogger): Mailer {
  const { smtpUrl, from } = config;
  if (!smtpUrl) {
    return {
      async send(message) {
        log.info(
          { mail: message },
          `メール未送信 (MAMORI_SMTP_URL 未設定) / mail not sent (no MAMORI_SMTP_URL): to ${message.to}, 「${message.subject}」\n${message.text}`,
        );
      },
    };
  }
  // Bounded waits: a mail server that hangs fails the attempt, and the job's retry policy takes over.
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
      log.debug({ to: message.to, subject: message.subject }, 'mail sent');
    },
  };
}
