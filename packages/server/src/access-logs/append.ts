import type { IngestCounts, ParsedLine } from '@mamori/domain';
import { eq, sql } from 'drizzle-orm';
import type { AuditContext } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { copyRows, copyValue } from '../db/copy-rows.js';
import { logSources } from '../db/schema.js';
import { inTransaction, scopeOf } from '../writes/audited.js';
import { logEventHash, type ChainedLogEvent } from './chain.js';
import { ensureMonthPartition } from './partitions.js';

export type LogSourceRow = typeof logSources.$inferSelect;

/** Events in one append after which the table's statistics are refreshed. */
const ANALYZE_AFTER = 50_000;

/** Lines per piece written to COPY: big enough that the calls do not matter, small enough to stream. */
const PIECE = 2000;

/** The columns of `log_events` in the order `copyLine` writes them. */
export const logEventColumns = [
  'source_id',
  'seq',
  'received_at',
  'occurred_at',
  'parsed',
  'host',
  'user_name',
  'category',
  'outcome',
  'source_ip',
  'action',
  'raw',
  'hash',
];

export type StoredEvent = ChainedLogEvent & { receivedAt: Date; occurredAt: Date };

/** PostgreSQL text cannot hold NUL (a syslog frame may): it is kept visible as U+FFFD. */
const clean = <T extends string | null>(text: T): T => (text?.includes('\0') ? (text.replaceAll('\0', '\uFFFD') as T) : text);

export function toStored(line: ParsedLine, seq: number, receivedAt: Date): StoredEvent {
  if (!line.parsed) {
    // A line nobody understands is filed at the moment it arrived.
    const empty = { host: null, userName: null, category: null, outcome: null, sourceIp: null, action: null };
    return { seq, receivedAt, occurredAt: receivedAt, parsed: false, ...empty, raw: clean(line.raw) };
  }
  const e = line.event;
  const occurredAt = new Date(e.occurredAt);
  return {
    seq,
    receivedAt,
    // A stamp later than its arrival is a wrong clock: the event cannot have happened after Mamori got it.
    occurredAt: occurredAt > receivedAt ? receivedAt : occurredAt,
    parsed: true,
    host: clean(e.host),
    userName: clean(e.user),
    category: e.category,
    outcome: e.outcome,
    sourceIp: clean(e.sourceIp),
    action: clean(e.action),
    raw: clean(e.raw),
  };
}

/** One event as a line of COPY text. */
export const copyLine = (sourceId: string, receivedAt: string, e: StoredEvent, hash: string) =>
  `${sourceId}\t${e.seq}\t${receivedAt}\t${e.occurredAt.toISOString()}\t${copyValue(e.parsed)}\t${copyValue(e.host)}\t${copyValue(e.userName)}\t${copyValue(e.category)}\t${copyValue(e.outcome)}\t${copyValue(e.sourceIp)}\t${copyValue(e.action)}\t${copyValue(e.raw)}\t${hash}\n`;

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
  const result = await inTransaction(db, async (tx) => {
    const [head] = await tx.select().from(logSources).where(eq(logSources.id, source.id)).for('update');
    if (!head) throw new Error(`log source ${source.id} vanished`);
    let seq = head.headSeq;
    let hash = head.headHash;
    const counts = { received: 0, stored: 0, parsed: 0, raw: 0 };
    let from: Date | null = null;
    let to: Date | null = null;
    const copy = copyRows(tx, 'log_events', logEventColumns);
    const received = receivedAt.toISOString();
    let piece = '';
    let pieceLines = 0;
    for (const line of lines) {
      const event = toStored(line, ++seq, receivedAt);
      hash = logEventHash(hash, event);
      piece += copyLine(source.id, received, event, hash);
      counts.received++;
      counts[line.parsed ? 'parsed' : 'raw']++;
      if (!from || event.occurredAt < from) from = event.occurredAt;
      if (!to || event.occurredAt > to) to = event.occurredAt;
      if (++pieceLines === PIECE) {
        await copy.write(piece);
        piece = '';
        pieceLines = 0;
      }
    }
    if (piece) await copy.write(piece);
    await copy.end();
    counts.stored = counts.received;
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
  // Fresh statistics after a big append: PGlite has no autovacuum, and PostgreSQL's comes a minute later, while the
  // planner would scan a month's partition for a search the indexes answer in milliseconds (docs/benchmarks.md).
  if (result.stored >= ANALYZE_AFTER) await db.execute(sql`ANALYZE log_events`);
  return result;
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
