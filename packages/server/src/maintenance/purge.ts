import { and, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { loginAttempts, loginThrottles, notifications, sessions } from '../db/schema.js';
import type { Jobs } from '../jobs/jobs.js';
import type { QueueDefinition } from '../jobs/queues.js';

export const PURGE_QUEUE = 'maintenance.purge';
/** Every night at 03:30 Tokyo time, when nobody is signing in. */
const PURGE_CRON = '30 3 * * *';
/**
 * The sign-in history (every attempt, failed or not) is kept a year: long enough to answer "who tried this
 * account last spring?" at an inspection, short enough not to grow without end.
 */
export const LOGIN_HISTORY_DAYS = 365;
/**
 * Read notifications are kept half a year, then go. Their row is also what makes a reminder go once per occasion,
 * but every occasion names its own day or month (`due:<date>`, `overdue:<YYYY-MM>`), which the daily scan never
 * meets again, so a purged row cannot bring its reminder back. Unread ones stay until read.
 */
export const READ_NOTIFICATION_DAYS = 180;

export interface Purged {
  sessions: number;
  throttles: number;
  loginAttempts: number;
  notifications: number;
}

/**
 * Deletes what can no longer be used: sessions past their end or idle too long (the sign-in check already
 * refuses them), throttle windows that have run out (the next failure starts a new one), and sign-in
 * history older than LOGIN_HISTORY_DAYS, notifications read and older than READ_NOTIFICATION_DAYS. Nothing in the audit trail is touched.
 */
export async function purgeExpired(db: Db, config: Pick<Config, 'session' | 'login'>): Promise<Purged> {
  const idle = sql`now() - make_interval(mins => ${config.session.idleMinutes}::int)`;
  const windowEnded = sql`now() - make_interval(mins => ${config.login.lockoutMinutes}::int)`;
  const historyEnd = sql`now() - make_interval(days => ${LOGIN_HISTORY_DAYS}::int)`;
  const deletedSessions = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, sql`now()`), lt(sessions.lastSeenAt, idle)))
    .returning({ key: sessions.tokenHash });
  const deletedThrottles = await db.delete(loginThrottles).where(lt(loginThrottles.windowStartedAt, windowEnded)).returning({ key: loginThrottles.key });
  const deletedAttempts = await db.delete(loginAttempts).where(lt(loginAttempts.at, historyEnd)).returning({ id: loginAttempts.id });
  const readEnd = sql`now() - make_interval(days => ${READ_NOTIFICATION_DAYS}::int)`;
  const deletedNotifications = await db
    .delete(notifications)
    .where(and(isNotNull(notifications.readAt), lt(notifications.createdAt, readEnd)))
    .returning({ id: notifications.id });
  return {
    sessions: deletedSessions.length,
    throttles: deletedThrottles.length,
    loginAttempts: deletedAttempts.length,
    notifications: deletedNotifications.length,
  };
}

export const purgeQueue: QueueDefinition = { name: PURGE_QUEUE, policy: 'singleton', retryLimit: 2, retryDelay: 600 };

/** Declared by every app server; the scheduler keeps one schedule row, and `singleton` one running purge. */
export function registerPurge(deps: { db: Db; config: Pick<Config, 'session' | 'login'>; jobs: Jobs }): void {
  deps.jobs.work(PURGE_QUEUE, async () => {
    await purgeExpired(deps.db, deps.config);
  });
  deps.jobs.schedule(PURGE_QUEUE, PURGE_CRON);
}
