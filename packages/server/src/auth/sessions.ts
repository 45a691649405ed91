import { and, eq, ne } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { sessions } from '../db/schema.js';
import { randomToken, sha256 } from './secrets.js';

export const SESSION_COOKIE = 'mamori_session';

export async function createSession(db: Db, config: Config, userId: string, ip: string | null, userAgent: string | null) {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + config.session.maxHours * 3600_000);
  await db.insert(sessions).values({ tokenHash: sha256(token), userId, csrfToken, expiresAt, ip, userAgent: userAgent?.slice(0, 300) ?? null });
  return { token, csrfToken, expiresAt };
}

/** Sliding idle timeout, written at most once a minute per session to keep reads cheap. */
export async function touchSession(db: Db, session: { tokenHash: string; lastSeenAt: Date }) {
  if (Date.now() - session.lastSeenAt.getTime() < 60_000) return;
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.tokenHash, session.tokenHash));
}

export const deleteSession = (db: Db, token: string) => db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));

export const deleteUserSessions = (db: Db, userId: string) => db.delete(sessions).where(eq(sessions.userId, userId));

/** Every session of the user but the one whose token hash is `keepTokenHash`. */
export const deleteOtherSessions = (db: Db, userId: string, keepTokenHash: string) =>
  db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)));
