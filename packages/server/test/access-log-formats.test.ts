import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyAlerts } from '../src/access-logs/upkeep.js';
import { call, json, multipartFile, setupAdmin, startTestApp, upload, type Browser, type TestApp } from './helpers/app.js';
import { startSmtpCapture, type SmtpCapture } from './helpers/smtp.js';
import { createTenant, type Tenant } from './helpers/world.js';

/** Formats other than auth.log, through the upload a user makes, and the alert e-mail. */
let t: TestApp;
let smtp: SmtpCapture;
let sysadmin: Browser;
let tenant: Tenant;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await startTestApp({ MAMORI_SMTP_URL: smtp.url });
  sysadmin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, sysadmin, 'W');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const createSource = async (body: Record<string, unknown>) =>
  (await json(call(t.app, tenant.manager, 'POST', `/api/v1/facilities/${tenant.facilityId}/log-sources`, body))).source;
const uploadTo = (sourceId: string, name: string, content: string | Buffer) =>
  json(upload(t.app, tenant.manager, `/api/v1/log-sources/${sourceId}/uploads`, multipartFile(name, 'text/csv', Buffer.from(content))));
const eventsOf = async (sourceId: string, query = '') =>
  (await json(call(t.app, tenant.manager, 'GET', `/api/v1/log-sources/${sourceId}/events?${query}`))).events;

describe('Windows Security events exported from Event Viewer', () => {
  it('reads sign-ins, failures and lockouts, the description spanning lines inside its quotes', async () => {
    const source = await createSource({ name: '受付PC', timeZone: 'Asia/Tokyo' });
    const csv = [
      'キーワード,日付と時刻,ソース,イベント ID,タスクのカテゴリ,',
      '成功の監査,2026/11/30 8:55:12,Microsoft-Windows-Security-Auditing,4624,Logon,"アカウントが正常にログオンしました。',
      '',
      '新しいログオン:',
      '\tアカウント名:\t\tuketsuke01',
      '\tアカウント ドメイン:\t\tCLINIC',
      'ネットワーク情報:',
      '\tソース ネットワーク アドレス:\t192.168.1.31"',
      '失敗の監査,2026/11/30 8:56:00,Microsoft-Windows-Security-Auditing,4625,Logon,"アカウントがログオンできませんでした。',
      '',
      'ログオンに失敗したアカウント:',
      '\tアカウント名:\t\tadmin',
      'ネットワーク情報:',
      '\tソース ネットワーク アドレス:\t203.0.113.50"',
      '成功の監査,2026/11/30 9:10:00,Microsoft-Windows-Security-Auditing,4740,User Account Management,"ユーザー アカウントがロックアウトされました。"',
    ].join('\r\n');
    expect(await uploadTo(source.id, 'Security.csv', csv)).toEqual({ received: 3, stored: 3, parsed: 3, raw: 0 });
    const [failure] = await eventsOf(source.id, 'user=admin');
    expect(failure).toMatchObject({ outcome: 'failure', occurredAt: '2026-11-29T23:56:00.000Z' });
    expect(failure.raw).toContain('ログオンできませんでした');
  });
});

describe('any other CSV through a saved column mapping', () => {
  it('reads an EHR export once the source knows which column is which', async () => {
    const source = await createSource({ name: '電子カルテ' });
    const csv =
      '日時,利用者,端末,処理,区分\r\n2026-11-30 09:00:00,suzuki,PC-01,カルテ参照 患者000123,参照\r\n2026-11-30 09:01:00,suzuki,PC-01,ログイン,ログイン\r\n';
    // Without a mapping nothing can be read: every row is kept raw.
    expect(await uploadTo(source.id, 'ehr.csv', csv)).toEqual({ received: 3, stored: 3, parsed: 0, raw: 3 });
    const mapped = await json(
      call(t.app, tenant.manager, 'PATCH', `/api/v1/log-sources/${source.id}`, {
        version: source.version,
        format: 'mapped-csv',
        columnMapping: { time: '日時', user: '利用者', host: '端末', action: '処理', category: '区分', categoryWords: { login: ['ログイン'] } },
      }),
    );
    expect(mapped.format).toBe('mapped-csv');
    expect(await uploadTo(source.id, 'ehr.csv', csv)).toEqual({ received: 2, stored: 2, parsed: 2, raw: 0 });
    const logins = await eventsOf(source.id, 'category=login');
    expect(logins).toEqual([expect.objectContaining({ user: 'suzuki', host: 'PC-01', outcome: 'success' })]);
  });

  it('refuses a mapping without a time column, naming the field', async () => {
    const source = await createSource({ name: '検査システム' });
    const response = await call(t.app, tenant.manager, 'PATCH', `/api/v1/log-sources/${source.id}`, { version: 1, columnMapping: { user: '利用者' } });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('columnMapping.time');
  });
});

describe('alerts by e-mail', () => {
  it('mails the managers once per facility, listing the new alerts, and not again', async () => {
    const source = await createSource({ name: 'ファイルサーバ' });
    const failures = Array.from({ length: 6 }, (_, i) => `Nov 30 03:0${i}:00 fs sshd[9]: Failed password for root from 198.51.100.7 port 5${i} ssh2`).join(
      '\n',
    );
    await uploadTo(source.id, 'auth.log', failures);
    const deps = { database: t.database, config: t.config, jobs: t.jobs, secrets: t.secrets };
    expect(await notifyAlerts(deps)).toBeGreaterThanOrEqual(1);
    expect(await notifyAlerts(deps)).toBe(0);
    await t.jobs.drain(['mail.send']);
    const mail = smtp.messages.find((m) => m.subject.includes('アクセスログの警告'));
    expect(mail?.to).toContain('manager-w@example.jp');
    expect(mail?.text).toContain('ファイルサーバ');
    expect(mail?.text).toContain('198.51.100.7');
  });
});
