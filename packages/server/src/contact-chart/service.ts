import { validateChart, type Actor, type ContactChartVersionSummary, type ContactChartView, type SaveContactChartRequest } from '@mamori/domain';
import { desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditContext } from '../audit/record.js';
import type { Db } from '../db/connect.js';
import { contactChartVersions, users } from '../db/schema.js';
import { AppError, notFound, versionConflict } from '../http/errors.js';
import { facilityFor } from '../tenancy/scope.js';
import { facilityScope, insertAudited, inTransaction } from '../writes/audited.js';
import { chartVersion, presentChart } from './queries.js';

/** 3(1): the contact chart, saved as numbered versions; a save names the version it started from. */

export async function readChart(db: Db, actor: Actor, facilityId: string, version?: number): Promise<ContactChartView> {
  await facilityFor(db, actor, facilityId, 'readiness.read');
  const found = await chartVersion(db, facilityId, version);
  if (version !== undefined && !found) throw notFound();
  return presentChart(found?.row, found?.savedBy ?? null);
}

export async function saveChart(
  db: Db,
  actor: Actor,
  context: AuditContext,
  facilityId: string,
  saver: { id: string; name: string },
  input: z.infer<typeof SaveContactChartRequest>,
): Promise<ContactChartView> {
  const facility = await facilityFor(db, actor, facilityId, 'readiness.plan');
  const { baseVersion, ...content } = input;
  const problems = validateChart(content);
  if (problems.length)
    throw new AppError(
      400,
      'validation_error',
      {},
      problems.map((p) => ({ path: `body.${p.path}`, code: p.code, params: p.params })),
    );
  const scope = facilityScope(facility);
  const row = await inTransaction(db, async (tx) => {
    // One save at a time per facility, so "the version I started from" is checked against the real newest.
    await tx.execute(sql`SELECT 1 FROM facilities WHERE id = ${facility.id} FOR UPDATE`);
    const current = await chartVersion(tx, facility.id);
    if ((current?.row.chartVersion ?? null) !== baseVersion) throw versionConflict();
    return insertAudited(
      tx,
      context,
      contactChartVersions,
      { ...scope, chartVersion: (baseVersion ?? 0) + 1, ...content, savedBy: saver.id },
      {
        action: 'contactChart.save',
        entityType: 'contact_chart',
        scope,
        fields: [],
        extra: {
          chartVersion: { before: baseVersion, after: (baseVersion ?? 0) + 1 },
          entries: { before: current?.row.entries.length ?? 0, after: content.entries.length },
        },
      },
    );
  });
  return presentChart(row, saver.name);
}

export async function listChartVersions(db: Db, actor: Actor, facilityId: string): Promise<z.infer<typeof ContactChartVersionSummary>[]> {
  await facilityFor(db, actor, facilityId, 'readiness.read');
  const rows = await db
    .select({ row: contactChartVersions, savedBy: users.name })
    .from(contactChartVersions)
    .leftJoin(users, eq(users.id, contactChartVersions.savedBy))
    .where(eq(contactChartVersions.facilityId, facilityId))
    .orderBy(desc(contactChartVersions.chartVersion));
  return rows.map(({ row, savedBy }) => ({ chartVersion: row.chartVersion, savedAt: row.createdAt.toISOString(), savedBy, entryCount: row.entries.length }));
}

/** The chart to print: the facility (for its name) and the version asked for, or the newest. */
export async function chartToPrint(db: Db, actor: Actor, facilityId: string, version: number | undefined) {
  const facility = await facilityFor(db, actor, facilityId, 'readiness.read');
  const found = await chartVersion(db, facility.id, version);
  if (!found) throw notFound();
  return { facility, chart: presentChart(found.row, found.savedBy) };
}
