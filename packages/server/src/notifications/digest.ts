import { deliveryFor, notificationPath, type NotificationKind, type ReminderParams, type ReminderPhase } from '@mamori/domain';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { facilities, notifications, users } from '../db/schema.js';
import type { AppDeps } from '../http/types.js';
import type { QueueDefinition } from '../jobs/queues.js';
import { enqueueMail } from '../mail/index.js';
import { appLink, modesOf, unsubscribeLink } from './deliver.js';
import { digestMail } from './mail-texts.js';
import { stillMember } from './service.js';

const pendingDaily = and(eq(notifications.delivery, 'daily'), isNull(notifications.mailedAt));

/**
 * The morning digest: for each person, every `daily` notification not yet mailed goes into one e-mail. Each person
 * is one transaction that locks their waiting rows (SKIP LOCKED) and marks them mailed as it queues the message,
 * so two app servers never send a digest twice. A kind turned off since, or a facility the person has left, is
 * dropped, not mailed. Returns how many
 * digests were queued.
 */
export async function sendDigests(deps: Pick<AppDeps, 'database' | 'config' | 'jobs' | 'secrets'>, now = new Date()): Promise<number> {
  const { db } = deps.database;
  const waiting = await db.selectDistinct({ userId: notifications.userId }).from(notifications).where(pendingDaily);
  let sent = 0;
  for (const { userId } of waiting) {
    if (await digestFor(deps, db, userId, now)) sent++;
  }
  return sent;
}

async function digestFor(deps: Pick<AppDeps, 'config' | 'jobs' | 'secrets'>, db: Db, userId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ notification: notifications, facilityName: facilities.name, member: sql<boolean>`${stillMember}` })
      .from(notifications)
      .innerJoin(facilities, eq(facilities.id, notifications.facilityId))
      .where(and(eq(notifications.userId, userId), pendingDaily))
      .orderBy(asc(facilities.name), asc(notifications.createdAt), asc(notifications.id))
      .for('update', { of: notifications, skipLocked: true });
    if (rows.length === 0) return false;
    await tx
      .update(notifications)
      .set({ mailedAt: now })
      .where(
        inArray(
          notifications.id,
          rows.map((r) => r.notification.id),
        ),
      );
    const [user] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
    const modeOf = await modesOf(tx, [userId]);
    const notices = rows
      .filter((r) => r.member)
      .map(({ notification: n, facilityName }) => ({
        kind: n.kind as NotificationKind,
        phase: n.phase as ReminderPhase,
        params: n.params as ReminderParams,
        facilityName,
        link: appLink(deps.config, notificationPath(n.kind as NotificationKind, n.facilityId, n.params)),
      }))
      .filter((n) => deliveryFor(modeOf(userId, n.kind), n.kind, n.phase) !== 'off');
    if (!user || notices.length === 0) return false;
    const mail = digestMail(user.name, notices, (kind) => unsubscribeLink(deps, userId, kind));
    await enqueueMail(deps.jobs, deps.secrets, tx, { to: user.email, ...mail });
    return true;
  });
}

const DIGEST_QUEUE = 'notifications.digest';
/** Half an hour after the reminder scan (reminders/run.ts), so the day's reminders are in it. */
const DIGEST_CRON = '30 8 * * *';

export const digestQueue: QueueDefinition = { name: DIGEST_QUEUE, policy: 'singleton', retryLimit: 3, retryDelay: 300 };

export function registerDigest(deps: Pick<AppDeps, 'database' | 'config' | 'jobs' | 'secrets'>): void {
  deps.jobs.work(DIGEST_QUEUE, async () => {
    await sendDigests(deps);
  });
  deps.jobs.schedule(DIGEST_QUEUE, DIGEST_CRON);
}
