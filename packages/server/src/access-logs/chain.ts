import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';

/** The hash a source's first event follows (and `baseHash` of a source nothing was removed from). */
export const LOG_GENESIS_HASH = '0'.repeat(64);

/** The fields of a stored event the hash covers: everything but the hash itself. */
export interface ChainedLogEvent {
  seq: number;
  receivedAt: Date;
  occurredAt: Date;
  parsed: boolean;
  host: string | null;
  userName: string | null;
  category: string | null;
  outcome: string | null;
  sourceIp: string | null;
  action: string | null;
  raw: string;
}

/** A text field as `<UTF-8 bytes>:<text>`, null as `~`: no separator inside a field can shift the next one. */
const field = (value: string | null) => (value === null ? '~' : `${Buffer.byteLength(value)}:${value}`);

/**
 * SHA-256 over the previous event's hash and this event's fields, `|`-separated in a fixed order, times as epoch
 * milliseconds. Changing, removing or slipping in an event breaks the link to the one after it. The same text is
 * built in SQL by `chainedContentSql`, so `logs verify` checks every link inside the database.
 */
export function logEventHash(previousHash: string, e: ChainedLogEvent): string {
  const content = `${previousHash}|${e.seq}|${e.receivedAt.getTime()}|${e.occurredAt.getTime()}|${e.parsed ? 't' : 'f'}|${field(e.host)}|${field(e.userName)}|${field(e.category)}|${field(e.outcome)}|${field(e.sourceIp)}|${field(e.action)}|${field(e.raw)}`;
  return createHash('sha256').update(content).digest('hex');
}

const sqlField = (column: string) => `coalesce(octet_length(${column}) || ':' || ${column}, '~')`;
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::bigint`;

/** `logEventHash` in SQL, given the previous hash as an expression (columns of `log_events`). */
export function chainedHashSql(previousHash: SQL): SQL {
  const fields = ['host', 'user_name', 'category', 'outcome', 'source_ip', 'action', 'raw'].map(sqlField).join(` || '|' || `);
  return sql`encode(sha256(convert_to(${previousHash} || '|' || seq || '|' || ${sql.raw(ms('received_at'))} || '|' || ${sql.raw(ms('occurred_at'))} || '|' || (CASE WHEN parsed THEN 't' ELSE 'f' END) || '|' || ${sql.raw(fields)}, 'UTF8')), 'hex')`;
}
