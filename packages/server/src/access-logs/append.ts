import type { IngestCounts, ParsedLine } from '@mamori/domain';
import { eq, sql } from 'drizzle-orm';
import type { AuditContext } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import type { Db, Tx } from '../db/connect.js';
import { logSources } from '../db/schema.js';
import { inTransaction, scopeOf } from '../writes/audited.js';
import { logEventHash, type ChainedLogEvent } from './chain.js';
import { ensureMonthPartition } from './partitions.js';

export type LogSourceRow = typeof logSources.$inferSelect;

/** Rows per INSERT: one JSON parameter each (see db/bulk.ts), big enough that the statement count does not matter. */
const CHUNK = 5000;

type StoredEvent = ChainedLogEvent & { sourceId: string; hash: string };

function toStored(line: ParsedLine, seq: number, sourceId: string, receivedAt: Date): Omit<StoredEvent, 'hash'> {
  if (!line.parsed) {
    // A line nobody understands is filed at the moment it arrived.
    const empty = { host: null, userName: null, category: null, outcome: null, sourceIp: null, action: null };
    return { sourceId, seq, receivedAt, occurredAt: receivedAt, parsed: false, ...empty, raw: line.raw };
  }
  const e = line.event;
  const occurredAt = new Date(e.occurredAt);
  return {
    sourceId,
    seq,
    receivedAt,
    // A stamp later than its arrival is a wrong clock: the event cannot have happened after Mamori got it.
    occurredAt: occurredAt > receivedAt ? receivedAt : occurredAt,
    parsed: true,
    host: e.host,
    userName: e.user,
    category: e.category,
    outcome: e.outcome,
    sourceIp: e.sourceIp,
    action: e.action,
    raw: e.raw,
  };
}

const column = (e: StoredEvent) => ({
  source_id: e.sourceId,
  seq: e.seq,
  received_at: e.receivedAt.toISOString(),
  occurred_at: e.occurredAt.toISOString(),
  parsed: e.parsed,
  host: e.host,
  user_name: e.userName,
  category: e.category,
  outcome: e.outcome,
  source_ip: e.sourceIp,
  action: e.action,
  raw: e.raw,
  hash: e.hash,
});

async function insertChunk(tx: Tx, rows: StoredEvent[]): Promise<void> {
  await tx.execute(sql`INSERT INTO log_events SELECT * FROM json_populate_recordset(NULL::log_events, ${JSON.stringify(rows.map(column))}::json)`);
}

export interface AppendOptions {
  receivedAt?: Date;
  /** null: a syslog batch, anchored by the periodic checkpoint instead of its own audit event. */
  context: AuditContext | null;
  /** What the audit event says about where the lines came from (a file name, "syslog", "http"). */
  origin: string;
}

export interface AppendResult extends IngestCounts {
  /** The occurred-at range of what was appended (for the alert scan); null when nothing was. */
  range: { from: Date; to: Date } | null;
}

/**
 * Appends lines to a source's chain in one transaction: the source row is locked so appends from several app
 * servers queue rather than fork the chain, each event's hash follows the previous one, and the new head is
 * written to the source and (for uploads, the CLI and the HTTP endpoint) to the audit trail, which anchors it.
 */
export async function appendParsed(db: Db, source: LogSourceRow, lines: Iterable<ParsedLine>, options: AppendOptions): Promise<AppendResult> {
  const receivedAt = options.receivedAt ?? new Date();
  await ensureMonthPartition(db, receivedAt);
  return inTransaction(db, async (tx) => {
    const [head] = await tx.select().from(logSources).where(eq(logSources.id, source.id)).for('update');
    if (!head) throw new Error(`log source ${source.id} vanished`);
    let seq = head.headSeq;
    let hash = head.headHash;
    const counts = { received: 0, stored: 0, parsed: 0, raw: 0 };
    let from: Date | null = null;
    let to: Date | null = null;
    let chunk: StoredEvent[] = [];
    for (const line of lines) {
      const event = toStored(line, ++seq, source.id, receivedAt);
      hash = logEventHash(hash, event);
      chunk.push({ ...event, hash });
      counts.received++;
      counts[line.parsed ? 'parsed' : 'raw']++;
      if (!from || event.occurredAt < from) from = event.occurredAt;
      if (!to || event.occurredAt > to) to = event.occurredAt;
      if (chunk.length === CHUNK) {
        await insertChunk(tx, chunk);
        counts.stored += chunk.length;
        chunk = [];
      }
    }
    if (chunk.length) {
      await insertChunk(tx, chunk);
      counts.stored += chunk.length;
    }
    if (counts.stored === 0) return { ...counts, range: null };
    const anchored = options.context ? { anchoredSeq: seq } : {};
    await tx
      .update(logSources)
      .set({ headSeq: seq, headHash: hash, lastReceivedAt: receivedAt, ...anchored })
      .where(eq(logSources.id, source.id));
    if (options.context) {
      await recordAudit(tx, options.context, {
        action: 'accessLog.ingest',
        entityType: 'log_source',
        entityId: source.id,
        ...scopeOf(source),
        changes: anchorChanges(head, seq, hash, { origin: { before: null, after: options.origin }, ...countChanges(counts) }),
      });
    }
    return { ...counts, range: { from: from!, to: to! } };
  });
}

const countChanges = (counts: IngestCounts) => ({
  parsed: { before: null, after: counts.parsed },
  raw: { before: null, after: counts.raw },
});

/**
 * The chain head before and after, as audit changes: `verify` reads the newest of these as the anchor the table
 * must still reach (the audit trail is itself anchored outside the database).
 */
export function anchorChanges(
  before: { headSeq: number; headHash: string | null },
  seq: number,
  hash: string,
  extra: Record<string, { before: unknown; after: unknown }> = {},
) {
  return { headSeq: { before: before.headSeq, after: seq }, headHash: { before: before.headHash, after: hash }, ...extra };
}
