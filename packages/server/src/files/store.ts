import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db, Tx } from '../db/connect.js';
import { files } from '../db/schema.js';
import { AppError } from '../http/errors.js';

/**
 * Stores a file in the database under its SHA-256, so app servers keep no local state and the same
 * evidence uploaded twice is kept once.
 */
export async function putFile(tx: Tx, config: Config, input: { content: Buffer; contentType: string }): Promise<{ sha256: string; size: number }> {
  if (input.content.length > config.fileMaxBytes) {
    throw new AppError(413, 'payload_too_large', {}, [
      { path: 'file', code: 'file_too_large', params: { megabytes: Math.floor(config.fileMaxBytes / 1024 / 1024) } },
    ]);
  }
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  await tx.insert(files).values({ sha256, size: input.content.length, contentType: input.contentType, content: input.content }).onConflictDoNothing();
  return { sha256, size: input.content.length };
}

export async function getFile(db: Db, sha256: string) {
  const [row] = await db.select().from(files).where(eq(files.sha256, sha256));
  return row ?? null;
}
