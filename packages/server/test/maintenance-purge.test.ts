import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilities, loginAttempts, loginThrottles, notifications, organizations, sessions } from '../src/db/schema.js';
import { appQueues } from '../src/jobs/app-jobs.js';
import { LOGIN_HISTORY_DAYS, PURGE_QUEUE, READ_NOTIFICATION_DAYS, purgeExpired } from '../src/maintenance/purge.js';
import { call, setupAdmin, startTestApp, type Browser, type TestApp } from './helpers/app.js';

let t: TestApp;
let admin: Browser;

beforeAll(async () => {
  t = await startTestApp();
  admin = await setupAdmin(t.app);
});
afterAll(() => t.close());

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('purging what can no longer be used', () => {
  it('deletes ended and idle sessions, run-out throttle windows, old sign-in history and old read notifications, and nothing live', async () => {
    const { db } = t.database;
    const { idleMinutes } = t.config.session;
    const { lockoutMinutes } = t.config.login;
    const session = (tokenHash: string, expiresAt: Date, lastSeenAt: Date) => ({ tokenHash, userId: admin.userId, csrfToken: 'x', expiresAt, lastSeenAt });
    await db.insert(sessions).values([session('ended', ago(1), ago(2)), session('idle', ago(-600), ago(idleMinutes + 1)), session('live', ago(-600), ago(1))]);
    await db.insert(loginThrottles).values([
      { key: 'ip:192.0.2.1', failures: 30, windowStartedAt: ago(lockoutMinutes + 1) },
      { key: 'ip:192.0.2.2', failures: 3, windowStartedAt: ago(1) },
    ]);
    await db.insert(loginAttempts).values([
      { ip: '192.0.2.1', email: 'old@example.jp', succeeded: false, at: ago((LOGIN_HISTORY_DAYS + 1) * 24 * 60) },
      { ip: '192.0.2.1', email: 'recent@example.jp', succeeded: false, at: ago(60) },
    ]);

    const [organization] = await db.insert(organizations).values({ name: '医療法人パージ会' }).returning();
    const [facility] = await db.insert(facilities).values({ organizationId: organization!.id, name: 'パージ医院', kind: 'clinic' }).returning();
    const halfYearAgo = ago((READ_NOTIFICATION_DAYS + 1) * 24 * 60);
    const notice = (subjectId: string, createdAt: Date, readAt: Date | null) => ({
      userId: admin.userId,
      organizationId: organization!.id,
      facilityId: facility!.id,
      kind: 'target-date',
      subjectId,
      occasion: 'due:2026-01-01',
      phase: 'due',
      params: {},
      delivery: 'immediate',
      createdAt,
      readAt,
    });
    await db
      .insert(notifications)
      .values([notice('old-read', halfYearAgo, ago(60)), notice('old-unread', halfYearAgo, null), notice('new-read', ago(60), ago(1))]);

    const purged = await purgeExpired(db, t.config);
    expect(purged).toEqual({ sessions: 2, throttles: 1, loginAttempts: 1, notifications: 1 });
    expect((await db.select({ subjectId: notifications.subjectId }).from(notifications)).map((n) => n.subjectId).sort()).toEqual(['new-read', 'old-unread']);

    const left = await db.select({ key: sessions.tokenHash }).from(sessions);
    expect(left.map((s) => s.key)).toContain('live');
    expect(left.map((s) => s.key)).not.toContain('ended');
    expect(left.map((s) => s.key)).not.toContain('idle');
    expect((await db.select().from(loginThrottles)).map((r) => r.key)).toEqual(['ip:192.0.2.2']);
    const attempts = await db
      .select({ email: loginAttempts.email })
      .from(loginAttempts)
      .where(inArray(loginAttempts.email, ['old@example.jp', 'recent@example.jp']));
    expect(attempts).toEqual([{ email: 'recent@example.jp' }]);
    // The administrator's own session (signed in by setup) still works.
    expect((await call(t.app, admin, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);
    expect(await purgeExpired(db, t.config)).toEqual({ sessions: 0, throttles: 0, loginAttempts: 0, notifications: 0 });
  });

  it('runs nightly as one of the app’s queues', () => {
    expect(appQueues.map((q) => q.name)).toContain(PURGE_QUEUE);
  });
});
