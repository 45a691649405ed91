import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/connect.js';
import { apiTokens } from '../db/schema.js';

/** Deletes every personal API token of a user (on a password change or reset); returns how many there were. */
export async function revokeApiTokens(tx: Tx, userId: string): Promise<number> {
  const revoked = await tx.delete(apiTokens).where(eq(apiTokens.userId, userId)).returning({ id: apiTokens.id });
  return revoked.length;
}

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** The user's personal API tokens, newest first. */
export const listApiTokens = (db: Db, userId: string): Promise<ApiTokenRow[]> =>
  db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));

/** One of the user's tokens, locked until the transaction ends; null when it is not theirs (or gone). */
export async function lockedApiToken(tx: Tx, userId: string, tokenId: string): Promise<ApiTokenRow | null> {
  const [row] = await tx
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
    .for('update');
  return row ?? null;
}
