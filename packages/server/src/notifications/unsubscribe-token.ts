import { createHmac, timingSafeEqual } from 'node:crypto';
import { notificationKinds, type NotificationKind } from '@mamori/domain';
import type { Keyring } from '../crypto/keyring.js';

/**
 * The unsubscribe link of every reminder e-mail: `<user id>.<kind>.<key id>.<HMAC-SHA-256, 128 bits>` under a key derived
 * from the secret key (`Keyring.subkey('unsubscribe')`). It works without signing in, never expires (an old
 * e-mail's link still stops what it says), can only turn that kind off for that user, and cannot be made or
 * altered without the secret key. Keys in MAMORI_SECRET_KEY_PREVIOUS still open links signed before a rotation.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** HMAC-SHA-256 cut to 128 bits (RFC 2104 §5 allows it), so the link stays well within Fastify's 100-character path parameter. */
const mac = (key: Buffer, userId: string, kind: string) => createHmac('sha256', key).update(`mamori-unsubscribe\n${userId}\n${kind}`).digest().subarray(0, 16);

export function unsubscribeToken(secrets: Keyring, userId: string, kind: NotificationKind): string {
  return [userId, kind, secrets.currentId, mac(secrets.subkey('unsubscribe')!, userId, kind).toString('base64url')].join('.');
}

/** The user and kind a token stands for; null for anything not signed by a configured key. */
export function readUnsubscribeToken(secrets: Keyring, token: string): { userId: string; kind: NotificationKind } | null {
  const [userId, kind, keyId, signature, ...rest] = token.split('.');
  if (rest.length || !userId || !UUID.test(userId) || !notificationKinds.includes(kind as NotificationKind) || !keyId || !signature) return null;
  const key = secrets.subkey('unsubscribe', keyId);
  if (!key) return null;
  const expected = Buffer.from(mac(key, userId, kind!).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind: kind as NotificationKind };
}
