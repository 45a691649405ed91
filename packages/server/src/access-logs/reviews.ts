import { zonedToInstant, type Actor, type CreateLogReviewRequest, type LogReviewView } from '@mamori/domain';
import { and, count, desc, eq, gte, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditContext } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { logAlerts, logEvents, logReviews, users } from '../db/schema.js';
import { insertAudited, inTransaction, scopeOf } from '../writes/audited.js';
import type { LogSourceRow } from './append.js';
import { sourceFor } from './sources.js';

const reviewFields = ['periodFrom', 'periodTo', 'note', 'events', 'alerts', 'throughSeq'] as const;

/** A period of whole days in the source's zone, as instants: from the first day's start to the day after the last. */
function periodInstants(source: LogSourceRow, periodFrom: string, periodTo: string) {
  const day = (iso: string, plus = 0) => {
    const [year, month, date] = iso.split('-').map(Number) as [number, number, number];
    const next = new Date(Date.UTC(year, month - 1, date + plus));
    return zonedToInstant(
      { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0, second: 0 },
      source.timeZone,
    );
  };
  return { from: day(periodFrom), to: day(periodTo, 1) };
}

export async function listReviews(db: Db, actor: Actor, sourceId: string): Promise<LogReviewView[]> {
  const source = await sourceFor(db, actor, sourceId, 'accessLog.read');
  const rows = await db
    .select({ review: logReviews, reviewer: users.name })
    .from(logReviews)
    .leftJoin(users, eq(users.id, logReviews.reviewedBy))
    .where(eq(logReviews.sourceId, source.id))
    .orderBy(desc(logReviews.periodTo), desc(logReviews.createdAt));
  return rows.map(({ review, reviewer }) => ({
    id: review.id,
    periodFrom: review.periodFrom,
    periodTo: review.periodTo,
    note: review.note,
    events: review.events,
    alerts: review.alerts,
    throughSeq: review.throughSeq,
    reviewedBy: reviewer,
    reviewedAt: review.createdAt.toISOString(),
  }));
}

/**
 * Signs a period off: what it held (events, alerts) and how far the chain reached are kept with the note, so the
 * sign-off says what the reviewer saw — the evidence for 2(6) (manual: 企画管理者 reviews the logs regularly).
 */
export async function signOffPeriod(
  db: Db,
  actor: Actor,
  context: AuditContext,
  sourceId: string,
  reviewerId: string,
  input: z.infer<typeof CreateLogReviewRequest>,
) {
  const source = await sourceFor(db, actor, sourceId, 'accessLog.review');
  const { from, to } = periodInstants(source, input.periodFrom, input.periodTo);
  const [[events], [alerts]] = await Promise.all([
    db
      .select({ n: count() })
      .from(logEvents)
      .where(and(eq(logEvents.sourceId, source.id), gte(logEvents.occurredAt, from), lt(logEvents.occurredAt, to))),
    db
      .select({ n: count() })
      .from(logAlerts)
      .where(and(eq(logAlerts.sourceId, source.id), gte(logAlerts.lastAt, from), lt(logAlerts.firstAt, to))),
  ]);
  await inTransaction(db, (tx) =>
    insertAudited(
      tx,
      context,
      logReviews,
      { ...input, ...scopeOf(source), sourceId: source.id, events: events!.n, alerts: alerts!.n, throughSeq: source.headSeq, reviewedBy: reviewerId },
      { action: 'accessLogReview.create', entityType: 'log_review', scope: scopeOf(source), fields: reviewFields },
    ),
  );
  return listReviews(db, actor, source.id);
}
