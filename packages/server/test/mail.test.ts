import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openAppJobs } from '../src/jobs/app-jobs.js';
import { enqueueMail } from '../src/mail/queue.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { startSmtpCapture, type SmtpCapture } from './helpers/smtp.js';

const invitation = {
  to: 'tanaka@vendor.example.jp',
  subject: '【Mamori】令和7年度 事業者確認用チェックリストのご依頼（さくら内科クリニック）',
  text: '田中様\n\nさくら内科クリニックより、チェックリストの記入をお願いいたします。\n下記のリンクから回答してください（7日間有効）：\nhttp://127.0.0.1:3000/vendor/abc123\n\n①②③ 髙﨑 𠮷野家 — 絵文字 🏥\n',
};

let smtp: SmtpCapture;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await startTestApp({ MAMORI_SMTP_URL: smtp.url, MAMORI_MAIL_FROM: 'さくら内科 Mamori <mamori@sakura-clinic.example.jp>' });
});

afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function mailJobs() {
  const { rows } = await t.database.withConnection((query) =>
    query(`SELECT state, retry_count, start_after > now() AS later FROM pgboss.job WHERE name = 'mail.send' ORDER BY created_on`),
  );
  return rows as { state: string; retry_count: number; later: boolean }[];
}

describe('mail', () => {
  it('sends a committed message through SMTP from the mail.send job, Japanese subject and body intact', async () => {
    await t.database.db.transaction((tx) => enqueueMail(t.jobs, t.secrets, tx, invitation));
    expect(smtp.messages).toHaveLength(0);
    expect(await t.jobs.drain(['mail.send'])).toBe(1);
    const mail = await smtp.waitFor((m) => m.to === invitation.to);
    expect(mail).toEqual({ from: 'mamori@sakura-clinic.example.jp', to: invitation.to, subject: invitation.subject, text: invitation.text });
  });

  it('sends nothing when the transaction rolls back', async () => {
    const before = smtp.messages.length;
    await expect(
      t.database.db.transaction(async (tx) => {
        await enqueueMail(t.jobs, t.secrets, tx, { ...invitation, to: 'never@vendor.example.jp' });
        throw new Error('validation failed after the mail was queued');
      }),
    ).rejects.toThrow('validation failed');
    expect(await t.jobs.drain(['mail.send'])).toBe(0);
    expect(smtp.messages).toHaveLength(before);
  });

  it('keeps the message for a later retry when the mail server is down, and the request still succeeds', async () => {
    const down = await startSmtpCapture();
    await down.close();
    const offline = await openAppJobs(loadConfig({ LOG_LEVEL: 'silent', MAMORI_SMTP_URL: down.url }), t.database, t.secrets);
    try {
      await t.database.db.transaction((tx) => enqueueMail(offline.jobs, t.secrets, tx, { ...invitation, to: 'later@vendor.example.jp' }));
      expect(await offline.jobs.drain(['mail.send'])).toBe(1);
      expect((await mailJobs()).at(-1)).toEqual({ state: 'retry', retry_count: 0, later: true });
    } finally {
      await offline.jobs.stop();
    }
  });

  it('without MAMORI_SMTP_URL writes the message to the log at info level instead of sending it', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    const config = loadConfig({ LOG_LEVEL: 'info' });
    expect(config.mail).toEqual({ smtpUrl: undefined, from: 'Mamori <no-reply@localhost>' });
    const console = await openAppJobs(config, t.database, t.secrets, pino({ level: 'info' }, sink));
    const before = smtp.messages.length;
    await console.mailer.send({ ...invitation, to: 'console@vendor.example.jp' });
    await console.jobs.stop();
    expect(smtp.messages).toHaveLength(before);
    const logged = lines.find((l) => l.msg && String(l.msg).includes('mail not sent'));
    expect(logged).toMatchObject({ level: 30, mail: { to: 'console@vendor.example.jp', subject: invitation.subject, text: invitation.text } });
    expect(String(logged!.msg)).toContain('http://127.0.0.1:3000/vendor/abc123');
  });
});
