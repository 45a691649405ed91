import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { desc, eq } from 'drizzle-orm';
import type { Keyring } from '../crypto/keyring.js';
import type { Db } from '../db/connect.js';
import { auditEvents } from '../db/schema.js';
import { canonicalJson } from './canonical.js';

/**
 * The audit chain's head as it was at `at`, signed with a key derived from the secret key. Appended to a file
 * outside the database (and written to the log), it is what `audit verify` compares the table with: deleting
 * the newest events, or every event, leaves the table shorter than a checkpoint says it was.
 * `sequence` is also the number of events then: the chain is gapless from 1.
 */
export interface Checkpoint {
  v: 1;
  sequence: number;
  eventId: string;
  hash: string;
  at: string;
  keyId: string;
  mac: string;
}

type Unsigned = Omit<Checkpoint, 'mac'>;

function mac(keyring: Keyring, fields: Unsigned): string | undefined {
  const key = keyring.subkey('audit-checkpoint', fields.keyId);
  if (!key) return undefined;
  const { v, sequence, eventId, hash, at, keyId } = fields;
  return createHmac('sha256', key).update(canonicalJson({ v, sequence, eventId, hash, at, keyId })).digest('hex');
}

export function signCheckpoint(keyring: Keyring, head: { sequence: number; id: string; hash: string }, at = new Date()): Checkpoint {
  const fields: Unsigned = { v: 1, sequence: head.sequence, eventId: head.id, hash: head.hash, at: at.toISOString(), keyId: keyring.currentId };
  return { ...fields, mac: mac(keyring, fields)! };
}

export type CheckpointProblem = 'malformed' | 'unknown_key' | 'bad_signature';

/** Why a checkpoint cannot be trusted, or null when its signature holds. */
export function checkSignature(keyring: Keyring, value: unknown): CheckpointProblem | null {
  const c = value as Partial<Checkpoint> | null;
  if (
    c?.v !== 1 ||
    !Number.isInteger(c.sequence) ||
    (c.sequence as number) < 1 ||
    typeof c.eventId !== 'string' ||
    typeof c.hash !== 'string' ||
    typeof c.at !== 'string' ||
    typeof c.keyId !== 'string' ||
    typeof c.mac !== 'string' ||
    !/^[0-9a-f]{64}$/.test(c.mac)
  ) {
    return 'malformed';
  }
  const expected = mac(keyring, c as Checkpoint);
  if (!expected) return 'unknown_key';
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(c.mac, 'hex')) ? null : 'bad_signature';
}

export interface CheckpointFile {
  /** The checkpoint with the highest sequence among those whose signature holds. */
  newest: Checkpoint | null;
  checkpoints: number;
  /** The first line that is not a validly signed checkpoint (1-based). */
  problem: { line: number; reason: CheckpointProblem } | null;
}

/** Reads every line (a stream: the file grows by a line per checkpoint). A missing file has no checkpoints. */
export async function readCheckpointFile(file: string, keyring: Keyring): Promise<CheckpointFile> {
  const result: CheckpointFile = { newest: null, checkpoints: 0, problem: null };
  if (!fs.existsSync(file)) return result;
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = null;
    }
    const problem = checkSignature(keyring, value);
    if (problem) {
      result.problem ??= { line, reason: problem };
      continue;
    }
    const checkpoint = value as Checkpoint;
    result.checkpoints++;
    if (!result.newest || checkpoint.sequence > result.newest.sequence) result.newest = checkpoint;
  }
  return result;
}

/** The last line only (checkpoints are appended in order), read from the end so a years-old file costs nothing. */
function lastCheckpoint(file: string): unknown {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, 16 * 1024);
    const tail = Buffer.alloc(length);
    fs.readSync(fd, tail, 0, length, size - length);
    const last = tail.toString('utf8').trimEnd().split('\n').at(-1)?.trim();
    if (!last) return undefined;
    try {
      return JSON.parse(last) as unknown;
    } catch {
      return null;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** What the table says now about a checkpoint's head: null when it is there with the same hash. */
export async function compareWithTable(db: Db, checkpoint: Checkpoint): Promise<{ reason: 'truncated' | 'rewritten'; newestSequence: number } | null> {
  const [row] = await db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.sequence, checkpoint.sequence));
  if (row?.hash === checkpoint.hash) return null;
  const [head] = await db.select({ sequence: auditEvents.sequence }).from(auditEvents).orderBy(desc(auditEvents.sequence)).limit(1);
  return { reason: row ? 'rewritten' : 'truncated', newestSequence: head?.sequence ?? 0 };
}

export type CheckpointOutcome =
  | { written: Checkpoint }
  | { skipped: 'no_events' | 'unchanged' }
  /** The table no longer agrees with the newest checkpoint (or the file is damaged): nothing is written over the evidence. */
  | { refused: string };

/**
 * Appends a checkpoint of the current head, unless the head has not moved. Never writes one that would hide a
 * truncation: the newest checkpoint's event must still be in the table with its hash, else it refuses (and
 * `audit verify` keeps failing until someone looks).
 */
export async function writeCheckpoint(db: Db, keyring: Keyring, file: string): Promise<CheckpointOutcome> {
  const [head] = await db
    .select({ sequence: auditEvents.sequence, id: auditEvents.id, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.sequence))
    .limit(1);
  const last = lastCheckpoint(file);
  if (last !== undefined) {
    const problem = checkSignature(keyring, last);
    if (problem) return { refused: `the last line of ${file} is not a valid checkpoint (${problem})` };
    const mismatch = await compareWithTable(db, last as Checkpoint);
    if (mismatch)
      return {
        refused: `audit event #${(last as Checkpoint).sequence} of the newest checkpoint is ${mismatch.reason === 'truncated' ? 'gone' : 'altered'} (newest event now #${mismatch.newestSequence})`,
      };
    if (head && head.sequence <= (last as Checkpoint).sequence) return { skipped: 'unchanged' };
  }
  if (!head) return { skipped: 'no_events' };
  const checkpoint = signCheckpoint(keyring, head);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // One write with O_APPEND: app servers sharing the file never interleave within a line.
  fs.appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  return { written: checkpoint };
}
