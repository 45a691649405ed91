import {
  notificationKindLabel,
  notificationKinds,
  type Locale,
  type NotificationKind,
  type NotificationMode,
  type NotificationPreference,
} from '@mamori/domain';
import { and, eq } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../audit/record.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Db, Tx } from '../db/connect.js';
import { notificationPreferences, users } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { inTransaction } from '../writes/audited.js';
import { modesOf } from './deliver.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

/** Every kind with the user's choice (`standard` where none). */
async function preferencesOf(db: Db | Tx, userId: string): Promise<NotificationPreference[]> {
  const modeOf = await modesOf(db, [userId]);
  return notificationKinds.map((kind) => ({ kind, mode: modeOf(userId, kind) }));
}

export const readPreferences = (db: Db, userId: string) => preferencesOf(db, userId);

/**
 * Sets the user's choices for the kinds given (`standard` removes the choice), in one transaction with one
 * `user.notificationSettings` event listing what changed; nothing changed, no event.
 */
async function setModes(tx: Tx, context: AuditContext, userId: string, wanted: readonly NotificationPreference[]): Promise<void> {
  const before = new Map((await preferencesOf(tx, userId)).map((p) => [p.kind, p.mode]));
  const changes: Record<string, { before: NotificationMode; after: NotificationMode }> = {};
  for (const { kind, mode } of wanted) {
    const was = before.get(kind)!;
    if (was === mode) continue;
    changes[kind] = { before: was, after: mode };
    if (mode === 'standard') {
      await tx.delete(notificationPreferences).where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)));
    } else {
      await tx
        .insert(notificationPreferences)
        .values({ userId, kind, mode })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { mode, updatedAt: new Date() } });
    }
  }
  if (Object.keys(changes).length === 0) return;
  await recordAudit(tx, context, { action: 'user.notificationSettings', entityType: 'user', entityId: userId, changes });
}

export async function updatePreferences(db: Db, context: AuditContext, userId: string, wanted: readonly NotificationPreference[]) {
  return inTransaction(db, async (tx) => {
    await setModes(tx, context, userId, wanted);
    return preferencesOf(tx, userId);
  });
}

/** What an unsubscribe link stops, for the page that asks before using it (a forged or altered link: 404). */
export async function previewUnsubscribe(db: Db, secrets: Keyring, token: string, locale: Locale) {
  const { userId, kind } = await tokenUser(db, secrets, token);
  const modeOf = await modesOf(db, [userId]);
  return { kind, kindLabel: notificationKindLabel(kind, locale), mode: modeOf(userId, kind) };
}

/** Turns the link's kind off for the link's user, without signing in; the event names the user as the actor. */
export async function unsubscribe(db: Db, secrets: Keyring, ip: string | null, token: string, locale: Locale) {
  const { userId, kind } = await tokenUser(db, secrets, token);
  await inTransaction(db, (tx) => setModes(tx, { actorId: userId, ip }, userId, [{ kind, mode: 'off' }]));
  return { kind, kindLabel: notificationKindLabel(kind, locale), mode: 'off' as const };
}

async function tokenUser(db: Db, secrets: Keyring, token: string): Promise<{ userId: string; kind: NotificationKind }> {
  const read = readUnsubscribeToken(secrets, token);
  const [user] = read ? await db.select({ id: users.id }).from(users).where(eq(users.id, read.userId)) : [];
  if (!read || !user) throw new AppError(404, 'unsubscribe_invalid');
  return read;
}
