import { eq } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { apiTokens } from '../db/schema.js';

/** Deletes every personal API token of a user (on a password change or reset); returns how many there were. */
export async function revokeApiTokens(tx: Tx, userId: string): Promise<number> {
  const revoked = await tx.delete(apiTokens).where(eq(apiTokens.userId, userId)).returning({ id: apiTokens.id });
  return revoked.length;
}
