import type { LogChainCheck } from '@mamori/domain';
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { auditEvents, logEvents, logSources } from '../db/schema.js';
import type { LogSourceRow } from './append.js';
import { logEventHash } from './chain.js';

/** Rows per read; the walk holds one batch at a time whatever the size of the log. */
const BATCH = 20_000;

export type LogBreakReason =
  /** The event's fields no longer give its hash: it was changed. */
  | 'content_altered'
  /** A number is missing or repeated: an event was deleted or inserted here. */
  | 'sequence_gap'
  /** Events the source's head or the audit trail recorded are gone: the newest were deleted. */
  | 'truncated'
  /** The oldest events are gone without the retention record that would explain it. */
  | 'unrecorded_removal';

type Anchor = { seq: number; hash: string };

/** The newest head the audit trail recorded for each source (ingest and checkpoint events), and retention marks. */
async function auditAnchors(db: Db, sourceIds: string[]) {
  const rows = await db
    .select({ entityId: auditEvents.entityId, action: auditEvents.action, changes: auditEvents.changes })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, 'log_source'),
        inArray(auditEvents.entityId, sourceIds),
        inArray(auditEvents.action, ['accessLog.ingest', 'accessLog.checkpoint', 'accessLog.retention']),
      ),
    )
    .orderBy(asc(auditEvents.sequence));
  const heads = new Map<string, Anchor>();
  const bases = new Map<string, Anchor>();
  for (const row of rows) {
    const changes = row.changes as Record<string, { after: unknown }>;
    if (row.action === 'accessLog.retention') {
      bases.set(row.entityId!, { seq: Number(changes.baseSeq?.after), hash: String(changes.baseHash?.after) });
    } else {
      heads.set(row.entityId!, { seq: Number(changes.headSeq?.after), hash: String(changes.headHash?.after) });
    }
  }
  return { heads, bases };
}

/**
 * Walks one source's chain from where retention left it to its head: every number present once, every event
 * following from the one before, every hash matching its fields, and the head reaching as far as the source row
 * and the audit trail (itself anchored by signed checkpoints outside the database) say it did.
 */
export async function verifySource(db: Db, source: LogSourceRow, anchors: { head?: Anchor; base?: Anchor }): Promise<LogChainCheck> {
  const result = (events: number, seq: number | null, reason?: LogBreakReason): LogChainCheck => ({
    sourceId: source.id,
    sourceName: source.name,
    ok: seq === null,
    events,
    firstBreak: seq === null ? null : { seq, reason: reason! },
  });
  if (source.baseSeq > 1 && (anchors.base?.seq !== source.baseSeq || anchors.base.hash !== source.baseHash)) {
    return result(0, source.baseSeq, 'unrecorded_removal');
  }
  let expected = source.baseSeq;
  let previous = source.baseHash;
  let checked = 0;
  const hashes = new Map<number, string>();
  const wanted = anchors.head?.seq;
  for (;;) {
    const rows = await db
      .select()
      .from(logEvents)
      .where(and(eq(logEvents.sourceId, source.id), gte(logEvents.seq, expected)))
      .orderBy(asc(logEvents.seq), asc(logEvents.receivedAt))
      .limit(BATCH);
    // A row numbered below `expected` is invisible to `seq >= expected`: a duplicate shows as the same seq twice.
    for (const row of rows) {
      if (row.seq !== expected) return result(checked, expected, 'sequence_gap');
      // A changed event, or one whose predecessor was changed and re-hashed: either way the chain breaks here.
      if (logEventHash(previous, row) !== row.hash) return result(checked, row.seq, 'content_altered');
      if (row.seq === wanted) hashes.set(row.seq, row.hash);
      previous = row.hash;
      expected++;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  const last = expected - 1;
  if (last < source.headSeq || (source.headSeq === last && source.headHash !== previous)) return result(checked, last + 1, 'truncated');
  if (anchors.head && anchors.head.seq >= source.baseSeq) {
    if (anchors.head.seq > last) return result(checked, last + 1, 'truncated');
    if (hashes.get(anchors.head.seq) !== anchors.head.hash) return result(checked, anchors.head.seq, 'content_altered');
  }
  return result(checked, null);
}

/** Every source (of one facility, or all), each walked to its head. */
export async function verifyLogChains(db: Db, facilityId?: string): Promise<LogChainCheck[]> {
  const sources = await db
    .select()
    .from(logSources)
    .where(facilityId ? eq(logSources.facilityId, facilityId) : sql`true`)
    .orderBy(asc(logSources.facilityId), asc(logSources.name));
  if (sources.length === 0) return [];
  const { heads, bases } = await auditAnchors(
    db,
    sources.map((s) => s.id),
  );
  const checks: LogChainCheck[] = [];
  for (const source of sources) checks.push(await verifySource(db, source, { head: heads.get(source.id), base: bases.get(source.id) }));
  return checks;
}
