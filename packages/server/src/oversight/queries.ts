import type { OversightFilter, OversightQuery } from '@mamori/domain';
import { and, asc, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { containsPattern } from '../db/like.js';
import { facilities, facilityYearSummaries } from '../db/schema.js';

/** The facilities a dashboard may show: all (a system administrator), or these organizations' and these facilities. */
export type OverseenScope = { organizationIds: string[]; facilityIds: string[] } | null;

export type AreaFilters = Pick<OversightQuery, 'kind' | 'prefecture' | 'healthCenter' | 'q' | 'organizationId'>;

const summary = facilityYearSummaries;

function scopeCondition(scope: OverseenScope): SQL | undefined {
  if (scope === null) return undefined;
  const parts: SQL[] = [];
  if (scope.organizationIds.length) parts.push(inArray(facilities.organizationId, scope.organizationIds));
  if (scope.facilityIds.length) parts.push(inArray(facilities.id, scope.facilityIds));
  return parts.length ? or(...parts) : sql`false`;
}

function areaConditions(scope: OverseenScope, filters: AreaFilters): SQL | undefined {
  return and(
    scopeCondition(scope),
    filters.organizationId ? eq(facilities.organizationId, filters.organizationId) : undefined,
    filters.kind ? eq(facilities.kind, filters.kind) : undefined,
    filters.prefecture ? eq(facilities.prefecture, filters.prefecture) : undefined,
    filters.healthCenter ? eq(facilities.healthCenter, filters.healthCenter) : undefined,
    filters.q ? ilike(facilities.name, containsPattern(filters.q)) : undefined,
  );
}

const hasVendorsNotAnswering = sql`jsonb_array_length(${summary.vendorsNotAnswering}) > 0`;

function filterCondition(filter: OversightFilter, asOf: string): SQL | undefined {
  switch (filter) {
    case 'all':
      return undefined;
    case 'not-started':
      return isNull(summary.facilityId);
    case 'in-progress':
      return eq(summary.ready, false);
    case 'ready':
      return eq(summary.ready, true);
    case 'overdue':
      return lt(summary.nextTargetDate, asOf);
    case 'vendors-not-answering':
      return hasVendorsNotAnswering;
  }
}

const joinYear = (fiscalYear: number) => and(eq(summary.facilityId, facilities.id), eq(summary.fiscalYear, fiscalYear));

/** The counts of every facility the area filters keep, in one pass. */
export async function oversightTotals(db: Db, scope: OverseenScope, filters: AreaFilters, fiscalYear: number, asOf: string) {
  const [totals] = await db
    .select({
      facilities: sql<number>`count(*)::int`,
      notStarted: sql<number>`count(*) FILTER (WHERE ${summary.facilityId} IS NULL)::int`,
      inProgress: sql<number>`count(*) FILTER (WHERE ${summary.ready} = false)::int`,
      ready: sql<number>`count(*) FILTER (WHERE ${summary.ready})::int`,
      overdue: sql<number>`count(*) FILTER (WHERE ${summary.nextTargetDate} < ${asOf})::int`,
      vendorsNotAnswering: sql<number>`count(*) FILTER (WHERE ${hasVendorsNotAnswering})::int`,
    })
    .from(facilities)
    .leftJoin(summary, joinYear(fiscalYear))
    .where(areaConditions(scope, filters));
  return totals!;
}

/** One page of facilities (all of them when `page` is null: the export), by prefecture, health center and name. */
export function oversightRows(
  db: Db,
  scope: OverseenScope,
  filters: AreaFilters & { filter: OversightFilter },
  fiscalYear: number,
  asOf: string,
  page: { page: number; pageSize: number } | null,
) {
  const query = db
    .select({ facility: facilities, summary })
    .from(facilities)
    .leftJoin(summary, joinYear(fiscalYear))
    .where(and(areaConditions(scope, filters), filterCondition(filters.filter, asOf)))
    .orderBy(asc(facilities.prefecture), asc(facilities.healthCenter), asc(facilities.name), asc(facilities.id));
  return page ? query.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : query;
}

export type OversightRow = Awaited<ReturnType<typeof oversightRows>>[number];
