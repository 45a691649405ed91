import {
  deliveryFor,
  facilityRolesWith,
  notificationPath,
  type NotificationKind,
  type NotificationMode,
  type ReminderParams,
  type ReminderPhase,
} from '@mamori/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db, Tx } from '../db/connect.js';
import { facilityMembers, notificationPreferences, notifications, users } from '../db/schema.js';
import type { AppDeps } from '../http/types.js';
import { enqueueMail } from '../mail/index.js';
import { publicBaseUrl } from '../vendors/invitations-service.js';
import { reminderMail } from './mail-texts.js';
import { unsubscribeToken } from './unsubscribe-token.js';

/** One reminder about one thing of a facility, before it is addressed to anyone. */
export interface Notice {
  kind: NotificationKind;
  subjectId: string;
  occasion: string;
  phase: ReminderPhase;
  params: ReminderParams;
}

export interface NoticeFacility {
  id: string;
  organizationId: string;
  name: string;
}

export interface Recipient {
  userId: string;
  email: string;
  name: string;
}

/** A notification made (or, in a dry run, that would be made) for one recipient. */
export interface Delivered {
  notice: Notice;
  recipient: Recipient;
  delivery: 'immediate' | 'daily';
}

/** Whom a facility's reminders go to: its members in a role holding `reminder.receive` (policy.ts). */
export function facilityRecipients(db: Db | Tx, facilityId: string): Promise<Recipient[]> {
  return db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(facilityMembers)
    .innerJoin(users, eq(users.id, facilityMembers.userId))
    .where(and(eq(facilityMembers.facilityId, facilityId), inArray(facilityMembers.role, [...facilityRolesWith('reminder.receive')])))
    .orderBy(asc(users.id));
}

/** The recipients' choices, by user and kind (no row: `standard`). */
export async function modesOf(db: Db | Tx, userIds: string[]): Promise<(userId: string, kind: NotificationKind) => NotificationMode> {
  const rows = userIds.length ? await db.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, userIds)) : [];
  const modes = new Map(rows.map((r) => [`${r.userId} ${r.kind}`, r.mode as NotificationMode]));
  return (userId, kind) => modes.get(`${userId} ${kind}`) ?? 'standard';
}

export const appLink = (config: Config, path: string) => `${publicBaseUrl(config)}${path}`;
export const unsubscribeLink = (deps: Pick<AppDeps, 'config' | 'secrets'>, userId: string, kind: NotificationKind) =>
  `${publicBaseUrl(deps.config)}/unsubscribe/${unsubscribeToken(deps.secrets, userId, kind)}`;

/** The unique key of a notification: what makes a reminder go out once per recipient and occasion. */
const keyOf = (notice: Notice, userId: string) => [notice.kind, notice.subjectId, notice.occasion, userId].join('\u0000');

/**
 * Makes the notifications of a facility's notices for each recipient whose preference does not turn them off,
 * inside the caller's transaction: each row is inserted with ON CONFLICT DO NOTHING on the unique key, and only
 * the insert that made a row queues its e-mail (`immediate`; `daily` ones wait for the digest). Two app servers
 * scanning the same day therefore send each reminder once: the second insert waits for the first transaction
 * and then finds the row. Pairs go in key order, so concurrent scans lock rows in the same order.
 * `dryRun`: writes nothing and says what would be made (what is not made yet).
 */
export async function deliverNotices(
  deps: Pick<AppDeps, 'config' | 'jobs' | 'secrets'>,
  tx: Tx,
  facility: NoticeFacility,
  notices: Notice[],
  recipients: Recipient[],
  options: { dryRun?: boolean; now?: Date } = {},
): Promise<Delivered[]> {
  if (notices.length === 0 || recipients.length === 0) return [];
  const modeOf = await modesOf(
    tx,
    recipients.map((r) => r.userId),
  );
  const pairs = notices
    .flatMap((notice) =>
      recipients.map((recipient) => ({ notice, recipient, delivery: deliveryFor(modeOf(recipient.userId, notice.kind), notice.kind, notice.phase) })),
    )
    .filter((p): p is Delivered => p.delivery !== 'off')
    .sort((a, b) => (keyOf(a.notice, a.recipient.userId) < keyOf(b.notice, b.recipient.userId) ? -1 : 1));
  // Written from JavaScript, so in milliseconds (not PostgreSQL's microseconds): the inbox's cursor compares exactly.
  const now = options.now ?? new Date();
  const made: Delivered[] = [];
  for (const pair of pairs) {
    const { notice, recipient } = pair;
    const key = {
      kind: notice.kind,
      facilityId: facility.id,
      subjectId: notice.subjectId,
      occasion: notice.occasion,
      userId: recipient.userId,
    };
    if (options.dryRun) {
      const [exists] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.kind, key.kind),
            eq(notifications.facilityId, key.facilityId),
            eq(notifications.subjectId, key.subjectId),
            eq(notifications.occasion, key.occasion),
            eq(notifications.userId, key.userId),
          ),
        );
      if (!exists) made.push(pair);
      continue;
    }
    const [row] = await tx
      .insert(notifications)
      .values({
        ...key,
        organizationId: facility.organizationId,
        phase: notice.phase,
        params: notice.params,
        delivery: pair.delivery,
        mailedAt: pair.delivery === 'immediate' ? now : null,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    if (!row) continue;
    made.push(pair);
    if (pair.delivery === 'immediate') {
      const link = appLink(deps.config, notificationPath(notice.kind, facility.id, notice.params));
      const mail = reminderMail(recipient.name, { ...notice, facilityName: facility.name, link }, unsubscribeLink(deps, recipient.userId, notice.kind));
      await enqueueMail(deps.jobs, deps.secrets, tx, { to: recipient.email, ...mail });
    }
  }
  return made;
}
