import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { auditEvents } from '../db/schema.js';
import type { Keyring } from '../crypto/keyring.js';
import { GENESIS_HASH, eventHash } from './canonical.js';
import { checkSignature, compareWithTable, readCheckpointFile, type Checkpoint, type CheckpointProblem } from './checkpoint.js';

type ChainBreak = {
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
      const broken = (reason: ChainBreak['reason']): VerifyResult => ({
        ok: false,
        events: checked,
        firstBreak: { sequence: row.sequence, id: row.id, reason },
      });
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

/** Why the table does not agree with its checkpoints (see checkpoint.ts). */
export type AnchorFailure =
  | { kind: 'checkpoint_file'; line: number; reason: CheckpointProblem }
  | { kind: 'given_checkpoint'; reason: CheckpointProblem }
  | { kind: 'truncated' | 'rewritten'; checkpoint: Checkpoint; newestSequence: number };

export type AnchorResult = { ok: true; newest: Checkpoint | null; checkpoints: number } | { ok: false; failure: AnchorFailure };

/**
 * The chain proves each event follows from the one before; the checkpoints prove the chain still reaches as
 * far as it once did. Every line of the checkpoint file must carry a valid signature, and the newest
 * checkpoint's event (and any given one's, e.g. copied from the log) must still be in the table with its hash.
 */
export async function verifyAgainstCheckpoints(db: Db, keyring: Keyring, file: string, given: unknown[] = []): Promise<AnchorResult> {
  const read = await readCheckpointFile(file, keyring);
  if (read.problem) return { ok: false, failure: { kind: 'checkpoint_file', ...read.problem } };
  const anchors = read.newest ? [read.newest] : [];
  for (const value of given) {
    const reason = checkSignature(keyring, value);
    if (reason) return { ok: false, failure: { kind: 'given_checkpoint', reason } };
    anchors.push(value as Checkpoint);
  }
  for (const checkpoint of anchors.sort((a, b) => b.sequence - a.sequence)) {
    const mismatch = await compareWithTable(db, checkpoint);
    if (mismatch) return { ok: false, failure: { kind: mismatch.reason, checkpoint, newestSequence: mismatch.newestSequence } };
  }
  return { ok: true, newest: anchors[0] ?? null, checkpoints: read.checkpoints };
}
