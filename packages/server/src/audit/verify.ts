import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { auditEvents } from '../db/schema.js';
import { GENESIS_HASH, eventHash } from './canonical.js';

export type ChainBreak = {
  sequence: number;
  id: string;
  reason: 'content_altered' | 'predecessor_mismatch' | 'sequence_gap';
};
export type VerifyResult = { ok: true; events: number } | { ok: false; events: number; firstBreak: ChainBreak };

/** Walks the chain in order and names the first event that does not follow from its predecessor. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<VerifyResult> {
  let expectedSequence = 1;
  let previousHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.sequence, expectedSequence - 1))
      .orderBy(asc(auditEvents.sequence))
      .limit(batchSize);
    for (const row of rows) {
      const broken = (reason: ChainBreak['reason']): VerifyResult => ({ ok: false, events: checked, firstBreak: { sequence: row.sequence, id: row.id, reason } });
      if (row.sequence !== expectedSequence) return broken('sequence_gap');
      if (row.prevHash !== previousHash) return broken('predecessor_mismatch');
      const { id: _id, hash, ...fields } = row;
      if (eventHash(fields) !== hash) return broken('content_altered');
      previousHash = hash;
      expectedSequence += 1;
      checked += 1;
    }
    if (rows.length < batchSize) return { ok: true, events: checked };
  }
}
