import type { Actor, LogEventView, LogSearchQuery } from '@mamori/domain';
import { and, desc, eq, gte, ilike, lte, sql, type SQL } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { logEvents } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { inTransaction, scopeOf } from '../writes/audited.js';
import type { LogSourceRow } from './append.js';
import { sourceFor } from './sources.js';
import { containsPattern } from '../db/like.js';

type EventRow = typeof logEvents.$inferSelect;

function presentEvent(row: EventRow): LogEventView {
  return {
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    parsed: row.parsed,
    host: row.host,
    user: row.userName,
    category: row.category as LogEventView['category'],
    outcome: row.outcome as LogEventView['outcome'],
    sourceIp: row.sourceIp,
    action: row.action,
    raw: row.raw,
  };
}

/** The keyset cursor: the last row's time and number, newest first. Opaque to the client. */
const encodeCursor = (row: EventRow) => Buffer.from(`${row.occurredAt.toISOString()}|${row.seq}`).toString('base64url');
function decodeCursor(cursor: string): { at: string; seq: number } {
  const [at, seq] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || Number.isNaN(Date.parse(at)) || !/^\d+$/.test(seq ?? '')) {
    throw new AppError(400, 'validation_error', {}, [
      { path: 'after', code: 'cursor_invalid', message: '続きの位置が正しくありません。最初から検索し直してください。' },
    ]);
  }
  return { at, seq: Number(seq) };
}

/** Escapes LIKE's wildcards: a reviewer searching for "50%" means the text. */

function conditions(sourceId: string, q: LogSearchQuery): SQL[] {
  const where: (SQL | undefined)[] = [
    eq(logEvents.sourceId, sourceId),
    q.from ? gte(logEvents.occurredAt, new Date(q.from)) : undefined,
    q.to ? lte(logEvents.occurredAt, new Date(q.to)) : undefined,
    q.user ? eq(logEvents.userName, q.user) : undefined,
    q.host ? eq(logEvents.host, q.host) : undefined,
    q.sourceIp ? eq(logEvents.sourceIp, q.sourceIp) : undefined,
    q.category ? eq(logEvents.category, q.category) : undefined,
    q.outcome ? eq(logEvents.outcome, q.outcome) : undefined,
    q.action ? ilike(logEvents.action, containsPattern(q.action)) : undefined,
  ];
  if (q.after) {
    const { at, seq } = decodeCursor(q.after);
    where.push(sql`(${logEvents.occurredAt}, ${logEvents.seq}) < (${at}::timestamptz, ${seq})`);
  }
  return where.filter((c): c is SQL => c !== undefined);
}

/** One page of a source's events, newest first; `next` continues after the last one (keyset: as fast on page 1,000 as on page 1). */
export async function searchEvents(db: Db, source: Pick<LogSourceRow, 'id'>, q: LogSearchQuery) {
  const rows = await db
    .select()
    .from(logEvents)
    .where(and(...conditions(source.id, q)))
    .orderBy(desc(logEvents.occurredAt), desc(logEvents.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { events: page.map(presentEvent), next: rows.length > q.limit ? encodeCursor(page.at(-1)!) : null };
}

/** Reading the logs is itself recorded: who looked, at which source, with which filters (a search, not each page). */
export async function readEvents(db: Db, actor: Actor, context: AuditContext, sourceId: string, q: LogSearchQuery) {
  const source = await sourceFor(db, actor, sourceId, 'accessLog.read');
  const page = await searchEvents(db, source, q);
  if (!q.after) {
    const { limit: _limit, after: _after, ...filters } = q;
    await inTransaction(db, (tx) =>
      recordAudit(tx, context, {
        action: 'accessLog.read',
        entityType: 'log_source',
        entityId: source.id,
        ...scopeOf(source),
        changes: { filters: { before: null, after: filters }, shown: { before: null, after: page.events.length } },
      }),
    );
  }
  return page;
}

/** Counts per hour (a range of up to three days) or per day, in the source's zone, for the timeline chart. */
export async function timeline(db: Db, actor: Actor, sourceId: string, range: { from: string; to: string }) {
  const source = await sourceFor(db, actor, sourceId, 'accessLog.read');
  const bucket = Date.parse(range.to) - Date.parse(range.from) <= 3 * 86_400_000 ? 'hour' : 'day';
  const local = sql`date_trunc(${bucket}, ${logEvents.occurredAt} AT TIME ZONE ${source.timeZone})`;
  const rows = await db
    .select({
      at: sql<string>`to_char(${local}, 'YYYY-MM-DD"T"HH24:MI')`,
      login: sql<number>`count(*) FILTER (WHERE ${logEvents.category} = 'login' AND ${logEvents.outcome} = 'success')::int`,
      failure: sql<number>`count(*) FILTER (WHERE ${logEvents.outcome} = 'failure')::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(logEvents)
    .where(and(eq(logEvents.sourceId, source.id), gte(logEvents.occurredAt, new Date(range.from)), lte(logEvents.occurredAt, new Date(range.to))))
    // By position: the bucket expression carries parameters, and PostgreSQL matches GROUP BY expressions by text.
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return {
    bucket: bucket as 'hour' | 'day',
    buckets: rows.map((r) => ({ at: r.at, login: r.login, failure: r.failure, other: r.total - r.login - r.failure })),
  };
}
