import type { LogChainCheck } from '@mamori/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { auditEvents, logSources } from '../db/schema.js';
import type { LogSourceRow } from './append.js';
import { chainedHashSql } from './chain.js';

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

interface WindowCheck {
  /** How many events the window holds. */
  events: number;
  lastSeq: number | null;
  lastHash: string | null;
  /** The first number the window should hold and does not (missing, or there twice). */
  gapAt: number | null;
  /** The first event whose hash does not follow from its predecessor's and its own fields. */
  alteredAt: number | null;
}

/**
 * Checks the events numbered fromSeq to fromSeq + BATCH - 1 inside the database: each link is recomputed in SQL
 * (`chainedHashSql`, the predecessor being the event before in the window, or `previous` for the first), so no
 * event crosses the driver. A bounded range: right after a bulk append (no statistics yet) the planner still
 * walks the primary key.
 */
async function checkWindow(db: Db, sourceId: string, fromSeq: number, previous: string): Promise<WindowCheck> {
  const result = await db.execute(sql`
    WITH w AS (
      SELECT seq, hash, row_number() OVER o AS n, ${chainedHashSql(sql`coalesce(lag(hash) OVER o, ${previous})`)} AS computed
      FROM log_events WHERE source_id = ${sourceId} AND seq >= ${fromSeq} AND seq < ${fromSeq + BATCH}
      WINDOW o AS (ORDER BY seq, received_at)
    )
    SELECT count(*)::int AS events,
      (SELECT seq FROM w ORDER BY n DESC LIMIT 1) AS last_seq,
      (SELECT hash FROM w ORDER BY n DESC LIMIT 1) AS last_hash,
      (SELECT min(${fromSeq}::bigint + n - 1) FROM w WHERE seq <> ${fromSeq}::bigint + n - 1) AS gap_at,
      (SELECT min(seq) FROM w WHERE computed <> hash) AS altered_at
    FROM w`);
  const [row] = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    events: Number(row!.events),
    lastSeq: num(row!.last_seq),
    lastHash: (row!.last_hash as string) ?? null,
    gapAt: num(row!.gap_at),
    alteredAt: num(row!.altered_at),
  };
}

async function hashAt(db: Db, sourceId: string, seq: number): Promise<string | null> {
  const result = await db.execute(sql`SELECT hash FROM log_events WHERE source_id = ${sourceId} AND seq = ${seq} LIMIT 1`);
  return ((result as unknown as { rows: { hash: string }[] }).rows[0]?.hash as string) ?? null;
}

async function hasEventsAfter(db: Db, sourceId: string, seq: number): Promise<boolean> {
  const result = await db.execute(sql`SELECT 1 FROM log_events WHERE source_id = ${sourceId} AND seq > ${seq} LIMIT 1`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
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
  for (let from = source.baseSeq; ; from += BATCH) {
    const window = await checkWindow(db, source.id, from, previous);
    if (window.events === 0) break;
    // Whichever comes first: a changed event, or a number missing or there twice (deleted or slipped in).
    const gap = window.gapAt ?? Number.POSITIVE_INFINITY;
    const altered = window.alteredAt ?? Number.POSITIVE_INFINITY;
    if (gap !== Number.POSITIVE_INFINITY || altered !== Number.POSITIVE_INFINITY) {
      return altered < gap ? result(checked + altered - from, altered, 'content_altered') : result(checked + gap - from, gap, 'sequence_gap');
    }
    checked += window.events;
    expected = window.lastSeq! + 1;
    previous = window.lastHash!;
    // A window cut short is a gap unless it is the chain's end.
    if (window.events < BATCH) break;
  }
  const last = expected - 1;
  if (last < source.headSeq) return result(checked, last + 1, (await hasEventsAfter(db, source.id, last)) ? 'sequence_gap' : 'truncated');
  // Events past the head the source recorded: appended behind Mamori's back.
  if (last > source.headSeq) return result(checked, source.headSeq + 1, 'sequence_gap');
  if (source.headHash !== previous) return result(checked, last, 'content_altered');
  if (anchors.head && anchors.head.seq >= source.baseSeq) {
    if (anchors.head.seq > last) return result(checked, last + 1, 'truncated');
    if ((await hashAt(db, source.id, anchors.head.seq)) !== anchors.head.hash) return result(checked, anchors.head.seq, 'content_altered');
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
