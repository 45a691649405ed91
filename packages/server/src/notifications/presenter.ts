import { notificationPath, notificationTitle, type Locale, type NotificationKind, type NotificationView, type ReminderPhase } from '@mamori/domain';
import type { notifications } from '../db/schema.js';

export type NotificationRow = typeof notifications.$inferSelect;

/** An inbox entry in the caller's language, with the path of the page it is about. */
export const presentNotification = (row: NotificationRow, facilityName: string, locale: Locale): NotificationView => ({
  id: row.id,
  kind: row.kind as NotificationKind,
  phase: row.phase as ReminderPhase,
  facilityId: row.facilityId,
  facilityName,
  title: notificationTitle(row.kind as NotificationKind, row.phase as ReminderPhase, row.params, locale),
  link: notificationPath(row.kind as NotificationKind, row.facilityId, row.params),
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

/** The cursor after an entry: its time and id, the inbox's order. */
export const cursorOf = (row: NotificationRow) => `${row.createdAt.toISOString()}_${row.id}`;
