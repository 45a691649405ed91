import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/checklist/catalog-loader.js';
import { auditEvents, notifications } from '../src/db/schema.js';
import { sendDigests } from '../src/notifications/digest.js';
import { runReminders, type SentReminder } from '../src/reminders/run.js';
import { remindVendors } from '../src/vendors/reminders.js';
import { call, json, multipartFile, setupAdmin, startTestApp, tinyPdf, upload, type Browser, type TestApp } from './helpers/app.js';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from './helpers/smtp.js';
import { createTenant, inviteAndAccept, type Tenant } from './helpers/world.js';

/**
 * Issue 16: reminders of target dates, the annual check, restore tests, log reviews and the BCP, made once per
 * recipient and occasion however many scans run, delivered by each person's preference (at once, in the morning
 * digest, or not at all), with an unsubscribe link in every e-mail that works without signing in.
 */
let t: TestApp;
let smtp: SmtpCapture;
let tenant: Tenant;
let planner: Browser;
let deps: Parameters<typeof runReminders>[0];
const api = (path: string) => `/api/v1${path}`;
const managerEmail = 'manager-r@example.jp';
const plannerEmail = 'planner-r@example.jp';
// The checklist of the fiscal year the tests run in; the scans' days are fixed in it.
const fiscalYear = 2026;
let assessmentId: string;
let sourceId: string;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await startTestApp({ MAMORI_SMTP_URL: smtp.url, MAMORI_PUBLIC_URL: 'https://mamori.example.jp' });
  const sysadmin = await setupAdmin(t.app);
  tenant = await createTenant(t.app, sysadmin, 'R');
  planner = await inviteAndAccept(t.app, tenant.admin, tenant.organizationId, plannerEmail, {
    facilityRoles: [{ facilityId: tenant.facilityId, role: 'planner' }],
  });
  deps = { database: t.database, config: t.config, jobs: t.jobs, secrets: t.secrets, catalog: loadCatalog() };
  const f = tenant.facilityId;
  // いいえ for 2(1) with a target date of 2026-12-20.
  assessmentId = (await json(call(t.app, tenant.manager, 'POST', api(`/facilities/${f}/assessments`), { fiscalYear, hasVendorContract: false }))).id;
  await json(
    call(t.app, tenant.manager, 'PUT', api(`/assessments/${assessmentId}/items/2(1)/rounds/1`), { value: 'no', date: '2026-06-01', targetDate: '2026-12-20' }),
  );
  // A backup last restored on 2025-12-10: due 2026-12-10.
  const plan = await json(call(t.app, tenant.manager, 'POST', api(`/facilities/${f}/backup-plans`), { system: 'NAS', method: 'nas', generations: 3 }));
  await json(call(t.app, tenant.manager, 'POST', api(`/backup-plans/${plan.id}/restore-tests`), { testedOn: '2025-12-10', result: 'success', testedBy: 'IT' }));
  // A BCP reviewed on 2025-12-25: due 2026-12-25.
  await json(upload(t.app, tenant.manager, api(`/facilities/${f}/bcp/documents`), multipartFile('BCP.pdf', 'application/pdf', tinyPdf)));
  await json(call(t.app, tenant.manager, 'POST', api(`/facilities/${f}/bcp/records`), { kind: 'review', heldOn: '2025-12-25' }));
  // A log source nobody has reviewed yet: overdue.
  sourceId = (await json(call(t.app, tenant.manager, 'POST', api(`/facilities/${f}/log-sources`), { name: 'カルテサーバ' }))).source.id;
  await t.jobs.drain();
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const seen = new Set<CapturedMail>();
/** Sends what is queued and returns the mail received since the last call. */
async function newMail(): Promise<CapturedMail[]> {
  await t.jobs.drain();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const fresh = smtp.messages.filter((m) => !seen.has(m));
  for (const m of fresh) seen.add(m);
  return fresh;
}

const summary = (sent: SentReminder[]) => sent.map((s) => `${s.kind} ${s.item} ${s.occasion} ${s.recipient} ${s.delivery}`).sort();

describe('the daily scan', () => {
  let planned: SentReminder[];

  it('a dry run lists what is due and writes nothing', async () => {
    planned = await runReminders(deps, { asOf: '2026-12-06', dryRun: true });
    expect(summary(planned)).toEqual([
      `log-review カルテサーバ overdue:2026-12 ${managerEmail} immediate`,
      `log-review カルテサーバ overdue:2026-12 ${plannerEmail} immediate`,
      `restore-test NAS 14-days:2026-12-10 ${managerEmail} daily`,
      `restore-test NAS 14-days:2026-12-10 ${plannerEmail} daily`,
      `target-date 2(1) 14-days:2026-12-20 ${managerEmail} daily`,
      `target-date 2(1) 14-days:2026-12-20 ${plannerEmail} daily`,
    ]);
    // The viewer is no recipient; nothing was written or queued.
    expect(planned.every((s) => !s.recipient.startsWith('viewer'))).toBe(true);
    expect(await t.database.db.$count(notifications)).toBe(0);
    expect(await newMail()).toEqual([]);
  });

  it('sends each reminder once per person, even when two servers scan at the same moment', async () => {
    const second = await t.secondServerDeps();
    const [a, b, c] = await Promise.all([
      runReminders(deps, { asOf: '2026-12-06' }),
      runReminders({ ...deps, database: second.database, jobs: second.jobs, config: second.config }, { asOf: '2026-12-06' }),
      runReminders(deps, { asOf: '2026-12-06' }),
    ]);
    expect(a.length + b.length + c.length).toBe(6);
    expect(summary([...a, ...b, ...c])).toEqual(summary(planned));
    expect(await runReminders(deps, { asOf: '2026-12-06' })).toEqual([]);
    expect(await runReminders(deps, { asOf: '2026-12-07' })).toEqual([]);
    expect(await t.database.db.$count(notifications)).toBe(6);
    // Overdue reminders go out at once (standard); the rest wait for the morning digest.
    const mail = await newMail();
    expect(mail.map((m) => m.to).sort()).toEqual([managerEmail, plannerEmail]);
    const toManager = mail.find((m) => m.to === managerEmail)!;
    expect(toManager.subject).toBe('【Rクリニック】アクセスログ「カルテサーバ」がまだ一度も確認（期間の承認）されていません');
    expect(toManager.text).toContain(`https://mamori.example.jp/facilities/${tenant.facilityId}/access-logs/${sourceId}`);
    expect(toManager.text).toMatch(/https:\/\/mamori\.example\.jp\/unsubscribe\/\S+/);
    // RFC 8058: the mail program's own unsubscribe button posts to the API with the same token as the link.
    const token = /\/unsubscribe\/(\S+)/.exec(toManager.text)![1]!;
    expect(toManager.listUnsubscribe).toBe(`<https://mamori.example.jp/api/v1/unsubscribe/${token}>`);
    expect(toManager.listUnsubscribePost).toBe('List-Unsubscribe=One-Click');
  });

  it('gathers the daily ones into one digest per person, once', async () => {
    const [a, b] = await Promise.all([sendDigests(deps), sendDigests(deps)]);
    expect(a + b).toBe(2);
    expect(await sendDigests(deps)).toBe(0);
    const mail = await newMail();
    expect(mail).toHaveLength(2);
    const digest = mail.find((m) => m.to === plannerEmail)!;
    expect(digest.subject).toBe('【Mamori】今日のお知らせ（2件）');
    expect(digest.text).toContain('■ Rクリニック');
    expect(digest.text).toContain('項目2(1)：「いいえ」の目標日の期限（令和8年12月20日）が近づいています');
    expect(digest.text).toContain('バックアップ「NAS」の復旧確認の期限（令和8年12月10日）が近づいています');
    expect(digest.text).toContain(`/facilities/${tenant.facilityId}/checklist/${assessmentId}#item-2_1_`);
    // One unsubscribe link per kind in the digest.
    expect(digest.text.match(/\/unsubscribe\//g)).toHaveLength(2);
  });

  it('follows each person’s preferences: off makes nothing, immediate mails at once, daily waits for the digest', async () => {
    const saved = await json(
      call(t.app, planner, 'PUT', api('/me/notification-preferences'), {
        preferences: [
          { kind: 'restore-test', mode: 'off' },
          { kind: 'bcp-review', mode: 'immediate' },
        ],
      }),
    );
    expect(saved.preferences).toContainEqual({ kind: 'restore-test', mode: 'off' });
    expect(saved.preferences).toContainEqual({ kind: 'target-date', mode: 'standard' });
    // 12-11: the restore test is overdue (off for the planner), the BCP review due in 14 days.
    const sent = await runReminders(deps, { asOf: '2026-12-11' });
    expect(summary(sent)).toEqual([
      `bcp-review BCP 14-days:2026-12-25 ${managerEmail} daily`,
      `bcp-review BCP 14-days:2026-12-25 ${plannerEmail} immediate`,
      `restore-test NAS overdue:2026-12 ${managerEmail} immediate`,
    ]);
    const mail = await newMail();
    expect(mail.map((m) => `${m.to} ${m.subject}`).sort()).toEqual([
      `${managerEmail} 【Rクリニック】バックアップ「NAS」の復旧確認の期限（令和8年12月10日）を過ぎています`,
      `${plannerEmail} 【Rクリニック】BCPの見直し・訓練の期限（令和8年12月25日）が近づいています`,
    ]);
    const plannerInbox = await json(call(t.app, planner, 'GET', api('/me/notifications')));
    expect(plannerInbox.items.some((n: { kind: string; phase: string }) => n.kind === 'restore-test' && n.phase === 'overdue')).toBe(false);
    // The manager's BCP reminder is in the next digest, and only there.
    expect(await sendDigests(deps)).toBe(1);
    const [digest] = await newMail();
    expect(digest).toMatchObject({ to: managerEmail, subject: '【Mamori】今日のお知らせ（1件）' });
    expect(digest!.text).toContain('BCPの見直し・訓練の期限（令和8年12月25日）が近づいています');
    // Back to standard: the choice is removed; each change is one audit event.
    await json(call(t.app, planner, 'PUT', api('/me/notification-preferences'), { preferences: [{ kind: 'restore-test', mode: 'standard' }] }));
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.notificationSettings'), eq(auditEvents.actorId, planner.userId)));
    expect(events.map((e) => e.changes)).toEqual([
      { 'restore-test': { before: 'standard', after: 'off' }, 'bcp-review': { before: 'standard', after: 'immediate' } },
      { 'restore-test': { before: 'off', after: 'standard' } },
    ]);
    expect((await call(t.app, planner, 'PUT', api('/me/notification-preferences'), { preferences: [{ kind: 'nonsense', mode: 'off' }] })).statusCode).toBe(400);
  });

  it('reminds of the annual check in January to March while the year’s form is not complete', async () => {
    const sent = await runReminders(deps, { asOf: '2027-01-04', dryRun: true });
    expect(summary(sent.filter((s) => s.kind === 'annual-check'))).toEqual([
      `annual-check 令和8年度 2027-01 ${managerEmail} daily`,
      `annual-check 令和8年度 2027-01 ${plannerEmail} daily`,
    ]);
    // The target date has passed by then: a new month, a new overdue reminder, sent at once.
    expect(summary(sent.filter((s) => s.kind === 'target-date'))).toEqual([
      `target-date 2(1) overdue:2027-01 ${managerEmail} immediate`,
      `target-date 2(1) overdue:2027-01 ${plannerEmail} immediate`,
    ]);
  });
});

describe('the inbox', () => {
  it('lists one’s own notifications newest first, page by page, with links and an unread count', async () => {
    const first = await json(call(t.app, tenant.manager, 'GET', api('/me/notifications?limit=2')));
    expect(first.items).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const rest = await json(call(t.app, tenant.manager, 'GET', api(`/me/notifications?limit=50&after=${encodeURIComponent(first.next)}`)));
    expect(rest.next).toBeNull();
    const all = [...first.items, ...rest.items];
    expect(all).toHaveLength(5);
    expect(new Set(all.map((n) => n.id)).size).toBe(5);
    const times = all.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(all.find((n) => n.kind === 'target-date')).toMatchObject({
      facilityName: 'Rクリニック',
      phase: 'soon',
      link: `/facilities/${tenant.facilityId}/checklist/${assessmentId}#item-2_1_`,
      title: '令和8年度のチェックリスト 項目2(1)：「いいえ」の目標日の期限（令和8年12月20日）が近づいています',
      readAt: null,
    });
    const english = await json(
      t.app.inject({ method: 'GET', url: api('/me/notifications'), headers: { cookie: tenant.manager.cookie, 'accept-language': 'en' } }),
    );
    expect(english.items.find((n: { kind: string }) => n.kind === 'target-date').title).toContain('is due on 2026-12-20');

    expect(await json(call(t.app, tenant.manager, 'GET', api('/me/notifications/unread-count')))).toEqual({ unread: 5 });
    await json(call(t.app, tenant.manager, 'POST', api(`/me/notifications/${all[0].id}/read`)), 204);
    expect(await json(call(t.app, tenant.manager, 'GET', api('/me/notifications/unread-count')))).toEqual({ unread: 4 });
    expect((await json(call(t.app, tenant.manager, 'GET', api('/me/notifications?unread=true')))).items).toHaveLength(4);
    // Someone else's notification is not there for them.
    expect((await call(t.app, planner, 'POST', api(`/me/notifications/${all[1].id}/read`))).statusCode).toBe(404);
    expect(await json(call(t.app, tenant.viewer, 'GET', api('/me/notifications')))).toEqual({ items: [], next: null });
    expect(await json(call(t.app, tenant.manager, 'POST', api('/me/notifications/read-all')))).toEqual({ marked: 4 });
    expect(await json(call(t.app, tenant.manager, 'GET', api('/me/notifications/unread-count')))).toEqual({ unread: 0 });
    expect((await call(t.app, tenant.manager, 'GET', api('/me/notifications?after=yesterday'))).statusCode).toBe(400);
  });
});

describe('the unsubscribe link', () => {
  let token: string;

  it('turns that kind off for that person, without signing in, and says so in Japanese', async () => {
    const mail = smtp.messages.find((m) => m.to === managerEmail && m.subject.includes('アクセスログ'))!;
    token = /\/unsubscribe\/(\S+)/.exec(mail.text)![1]!;
    const preview = await json(t.app.inject({ method: 'GET', url: api(`/unsubscribe/${token}`) }));
    expect(preview).toEqual({ kind: 'log-review', kindLabel: 'アクセスログの確認', mode: 'standard' });
    const done = await json(t.app.inject({ method: 'POST', url: api(`/unsubscribe/${token}`) }));
    expect(done).toEqual({ kind: 'log-review', kindLabel: 'アクセスログの確認', mode: 'off' });
    const mine = await json(call(t.app, tenant.manager, 'GET', api('/me/notification-preferences')));
    expect(mine.preferences).toContainEqual({ kind: 'log-review', mode: 'off' });
    // Used again: still off, nothing more to record.
    expect((await t.app.inject({ method: 'POST', url: api(`/unsubscribe/${token}`) })).statusCode).toBe(200);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.notificationSettings'), eq(auditEvents.actorId, tenant.manager.userId)));
    expect(events.map((e) => e.changes)).toEqual([{ 'log-review': { before: 'standard', after: 'off' } }]);
    // Next month the log review reaches the planner only.
    const next = await runReminders(deps, { asOf: '2027-01-04', dryRun: true });
    expect(next.filter((s) => s.kind === 'log-review').map((s) => s.recipient)).toEqual([plannerEmail]);
  });

  it("takes a mail program's one-click unsubscribe (RFC 8058): a form post to the header's address", async () => {
    const mail = smtp.messages.find((m) => m.to === plannerEmail && m.subject.includes('アクセスログ'))!;
    const address = /^<https:\/\/mamori\.example\.jp(\/api\/v1\/unsubscribe\/\S+)>$/.exec(mail.listUnsubscribe ?? '')![1]!;
    const response = await t.app.inject({
      method: 'POST',
      url: address,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'log-review', mode: 'off' });
    const theirs = await json(call(t.app, planner, 'GET', api('/me/notification-preferences')));
    expect(theirs.preferences).toContainEqual({ kind: 'log-review', mode: 'off' });
    // Other routes still take JSON only.
    const form = await t.app.inject({
      method: 'POST',
      url: api('/auth/login'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a&password=b',
    });
    expect(form.statusCode).toBe(415);
  });

  it('refuses a forged or altered link', async () => {
    const [userId, kind, keyId, mac] = token.split('.') as [string, string, string, string];
    const forged = [
      [userId, 'bcp-review', keyId, mac],
      [tenant.viewer.userId, kind, keyId, mac],
      [userId, kind, keyId, `${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`],
      [userId, kind, '00000000', mac],
      [userId, kind, keyId, mac, 'x'],
    ].map((parts) => parts.join('.'));
    for (const bad of forged) {
      const response = await t.app.inject({ method: 'POST', url: api(`/unsubscribe/${bad}`) });
      expect(response.statusCode, bad).toBe(404);
      expect(response.json().error).toMatchObject({ code: 'unsubscribe_invalid', message: expect.stringContaining('配信停止のリンクは正しくありません') });
    }
    expect((await t.app.inject({ method: 'GET', url: api(`/unsubscribe/${forged[0]}`) })).statusCode).toBe(404);
    const viewerPrefs = await json(call(t.app, tenant.viewer, 'GET', api('/me/notification-preferences')));
    expect(viewerPrefs.preferences.every((p: { mode: string }) => p.mode === 'standard')).toBe(true);
  });
});

describe('vendors that have not answered', () => {
  it('the facility’s managers and planners hear of each reminder the vendor is sent', async () => {
    const today = todayInTokyo();
    const contract = await json(
      call(t.app, tenant.manager, 'POST', api(`/facilities/${tenant.facilityId}/contracts`), {
        vendorName: '遅延システム株式会社',
        title: 'PACS保守',
        systems: ['PACS'],
        maintenanceContract: true,
        remoteMaintenance: true,
        contactEmail: 'late@vendor.example.jp',
      }),
    );
    const form = await json(
      call(t.app, tenant.manager, 'POST', api(`/contracts/${contract.id}/vendor-forms`), { fiscalYear: fiscalYearOf(today), reminderDays: 7 }),
    );
    await t.database.db.execute(sql`UPDATE assessments SET requested_at = now() - interval '8 days' WHERE id = ${form.id}`);
    await newMail();
    expect(await remindVendors(deps)).toBe(1);
    const mail = await newMail();
    expect(mail.map((m) => m.to).sort()).toEqual(['late@vendor.example.jp', managerEmail, plannerEmail]);
    expect(mail.find((m) => m.to === plannerEmail)!.subject).toContain('遅延システム株式会社（PACS保守）が');
    const inbox = await json(call(t.app, planner, 'GET', api('/me/notifications?unread=true')));
    expect(inbox.items[0]).toMatchObject({ kind: 'vendor-form', phase: 'overdue', link: `/vendor-forms/${form.id}` });
    expect(inbox.items[0].title).toContain('督促メール1回目を送りました');
  });
});

describe('leaving the facility', () => {
  it('takes its notifications out of the inbox, the count and the digest', async () => {
    expect((await json(call(t.app, planner, 'GET', api('/me/notifications')))).items.length).toBeGreaterThan(0);
    const members = await json(call(t.app, tenant.manager, 'GET', api(`/facilities/${tenant.facilityId}/members`)));
    const member = members.find((m: { userId: string }) => m.userId === planner.userId);
    await json(call(t.app, tenant.manager, 'DELETE', api(`/facilities/${tenant.facilityId}/members/${member.id}`)), 204);
    expect(await json(call(t.app, planner, 'GET', api('/me/notifications')))).toEqual({ items: [], next: null });
    expect(await json(call(t.app, planner, 'GET', api('/me/notifications/unread-count')))).toEqual({ unread: 0 });
    // A daily reminder made before they left is not mailed to them.
    await t.database.db.execute(sql`UPDATE notifications SET mailed_at = NULL, delivery = 'daily' WHERE user_id = ${planner.userId}`);
    await newMail();
    expect(await sendDigests(deps)).toBe(0);
    expect(await runReminders(deps, { asOf: '2027-02-01', dryRun: true }).then((sent) => sent.filter((s) => s.recipient === plannerEmail))).toEqual([]);
  });
});

describe('the scheduled jobs', () => {
  it('the 08:00 scan and the 08:30 digest do what runReminders and sendDigests do, for today in Tokyo', async () => {
    await t.database.db.transaction(async (tx) => {
      await t.jobs.enqueue(tx, 'reminders.daily', {});
      await t.jobs.enqueue(tx, 'notifications.digest', {});
    });
    await t.jobs.drain(['reminders.daily']);
    await t.jobs.drain(['notifications.digest']);
    expect(await runReminders(deps)).toEqual([]);
    expect(await sendDigests(deps)).toBe(0);
  });
});
