import { createHash } from 'node:crypto';

/** The hash a source's first event follows (and `baseHash` of a source nothing was removed from). */
export const LOG_GENESIS_HASH = '0'.repeat(64);

/** The fields of a stored event the hash covers: everything but the hash itself. */
export interface ChainedLogEvent {
  seq: number;
  /** A Date, or its ISO string (verify reads them as text: no Date per event). */
  receivedAt: Date | string;
  occurredAt: Date | string;
  parsed: boolean;
  host: string | null;
  userName: string | null;
  category: string | null;
  outcome: string | null;
  sourceIp: string | null;
  action: string | null;
  raw: string;
}

const iso = (at: Date | string) => (typeof at === 'string' ? at : at.toISOString());

/**
 * SHA-256 over the previous event's hash and this event's fields, in a fixed order (a JSON array: no key order
 * to agree on). Changing, removing or slipping in an event changes every hash after it.
 */
export function logEventHash(previousHash: string, e: ChainedLogEvent): string {
  const content = JSON.stringify([
    previousHash,
    e.seq,
    iso(e.receivedAt),
    iso(e.occurredAt),
    e.parsed,
    e.host,
    e.userName,
    e.category,
    e.outcome,
    e.sourceIp,
    e.action,
    e.raw,
  ]);
  return createHash('sha256').update(content).digest('hex');
}
