import type { ContactChartContent, ContactChartView } from '@mamori/domain';
import { and, desc, eq, sql } from 'drizzle-orm';
import { type FacilityRange, ofFacilities } from '../db/facility-range.js';
import type { Db, Tx } from '../db/connect.js';
import { contactChartVersions, users } from '../db/schema.js';

type VersionRow = typeof contactChartVersions.$inferSelect;

export function presentChart(row: VersionRow | undefined, savedBy: string | null): ContactChartView {
  if (!row) return { entries: [], edges: [], note: '', chartVersion: null, savedAt: null, savedBy: null };
  return {
    entries: row.entries as ContactChartContent['entries'],
    edges: row.edges as ContactChartContent['edges'],
    note: row.note,
    chartVersion: row.chartVersion,
    savedAt: row.createdAt.toISOString(),
    savedBy,
  };
}

/** The facility's chart: its newest version, or a given older one. */
export async function chartVersion(db: Db | Tx, facilityId: string, chartVersion?: number) {
  const filters = [eq(contactChartVersions.facilityId, facilityId)];
  if (chartVersion !== undefined) filters.push(eq(contactChartVersions.chartVersion, chartVersion));
  const [found] = await db
    .select({ row: contactChartVersions, savedBy: users.name })
    .from(contactChartVersions)
    .leftJoin(users, eq(users.id, contactChartVersions.savedBy))
    .where(and(...filters))
    .orderBy(desc(contactChartVersions.chartVersion))
    .limit(1);
  return found ? { row: found.row, savedBy: found.savedBy } : null;
}

/**
 * The facilities whose newest chart has at least one contact (domain `contactChartExists`, counted in the
 * database): the evaluator's `artifacts.contactChart`, asked on every evaluation, so only the ids leave the database.
 */
export async function facilitiesWithContactChart(db: Db | Tx, facilityIds: readonly string[], range?: FacilityRange): Promise<Set<string>> {
  if (facilityIds.length === 0) return new Set();
  const newest = await db
    .selectDistinctOn([contactChartVersions.facilityId], {
      facilityId: contactChartVersions.facilityId,
      entries: sql<number>`jsonb_array_length(${contactChartVersions.entries})`,
    })
    .from(contactChartVersions)
    .where(ofFacilities(contactChartVersions.facilityId, facilityIds, range))
    .orderBy(contactChartVersions.facilityId, desc(contactChartVersions.chartVersion));
  return new Set(newest.filter((row) => Number(row.entries) > 0).map((row) => row.facilityId));
}
