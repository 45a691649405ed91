import type { Locale, NotificationPageQuery } from '@mamori/domain';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import { facilities, facilityMembers, notifications } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { cursorOf, presentNotification } from './presenter.js';

/**
 * A notification stays the user's while they are still a member of its facility: someone who left (or was removed)
 * no longer reads what became of that facility's backups or logs.
 */
export const stillMember = sql`exists (select 1 from ${facilityMembers} where ${facilityMembers.facilityId} = ${notifications.facilityId} and ${facilityMembers.userId} = ${notifications.userId})`;

/**
 * The signed-in user's inbox: only ever their own rows (every query is by user id), of facilities they are still a
 * member of. Reading one changes nothing the audit trail is about, so marking read writes no event.
 */
export async function listNotifications(db: Db, userId: string, query: z.infer<typeof NotificationPageQuery>, locale: Locale) {
  const conditions = [eq(notifications.userId, userId), stillMember];
  if (query.unread === 'true') conditions.push(isNull(notifications.readAt));
  if (query.after) {
    const [at, id] = query.after.split('_') as [string, string];
    conditions.push(sql`(${notifications.createdAt}, ${notifications.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select({ notification: notifications, facilityName: facilities.name })
    .from(notifications)
    .innerJoin(facilities, eq(facilities.id, notifications.facilityId))
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => presentNotification(r.notification, r.facilityName, locale)),
    next: rows.length > query.limit ? cursorOf(page.at(-1)!.notification) : null,
  };
}

export async function unreadCount(db: Db, userId: string) {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), stillMember));
  return { unread: row?.unread ?? 0 };
}

/** Marks one of the user's own notifications read (another user's, or none: 404). */
export async function markRead(db: Db, userId: string, notificationId: string): Promise<void> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId), stillMember))
    .returning({ id: notifications.id });
  if (!row) throw notFound();
}

export async function markAllRead(db: Db, userId: string) {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}
