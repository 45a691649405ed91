import { z } from 'zod';
import { notificationKinds, notificationModes, reminderPhases } from '../reminders/kinds.js';
import { Id, IsoDateTime } from './common.js';

export const NotificationKindSchema = z.enum(notificationKinds);
export const NotificationModeSchema = z.enum(notificationModes);

/** One entry of the signed-in user's inbox. `title` is in the caller's language; `link` a path of the web app. */
export const NotificationView = z.object({
  id: Id,
  kind: NotificationKindSchema,
  phase: z.enum(reminderPhases),
  facilityId: Id,
  facilityName: z.string(),
  title: z.string(),
  link: z.string(),
  createdAt: IsoDateTime,
  readAt: IsoDateTime.nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

/** Newest first; `next` is the cursor of the following page (null: no more). */
export const NotificationPage = z.object({ items: z.array(NotificationView), next: z.string().nullable() });

export const NotificationPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** The `next` of the previous page. */
  after: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/, 'a cursor from the previous page')
    .optional(),
  unread: z.enum(['true', 'false']).optional(),
});

export const UnreadCount = z.object({ unread: z.int().min(0) });
export const MarkedRead = z.object({ marked: z.int().min(0) });

export const NotificationPreference = z.object({ kind: NotificationKindSchema, mode: NotificationModeSchema });
export type NotificationPreference = z.infer<typeof NotificationPreference>;
/** Every kind, with `standard` where the user chose nothing. */
export const NotificationPreferences = z.object({ preferences: z.array(NotificationPreference) });
export const UpdateNotificationPreferencesRequest = z.strictObject({
  preferences: z
    .array(z.strictObject({ kind: NotificationKindSchema, mode: NotificationModeSchema }))
    .min(1)
    .max(notificationKinds.length)
    .refine((list) => new Set(list.map((p) => p.kind)).size === list.length, 'each kind once'),
});

/** What an unsubscribe link from an e-mail stops (shown before and after it is used, without signing in). */
export const UnsubscribeView = z.object({ kind: NotificationKindSchema, kindLabel: z.string(), mode: NotificationModeSchema });
