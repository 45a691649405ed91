import { ContactChartVersionSummary, ContactChartView, Id, SaveContactChartRequest, todayInTokyo, validateChart } from '@mamori/domain';
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { contactChartVersions, users } from '../db/schema.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { recordAudit } from '../audit/record.js';
import { AppError, notFound, versionConflict } from '../http/errors.js';
import { contentDisposition } from '../http/content-disposition.js';
import { facilityFor } from '../tenancy/scope.js';
import { chartVersion, presentChart } from './queries.js';

const FacilityParams = z.object({ facilityId: Id });

export const contactChartRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/contact-chart', { schema: { params: FacilityParams, response: { 200: ContactChartView } } }, async (request) => {
    await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'readiness.read');
    const found = await chartVersion(db, request.params.facilityId);
    return presentChart(found?.row, found?.savedBy ?? null);
  });

  app.put('/facilities/:facilityId/contact-chart', { schema: { params: FacilityParams, body: SaveContactChartRequest, response: { 200: ContactChartView } } }, async (request) => {
    const { actor, user } = requireAuth(request);
    const facility = await facilityFor(db, actor, request.params.facilityId, 'readiness.plan');
    const { baseVersion, ...content } = request.body;
    const problems = validateChart(content);
    if (problems.length) throw new AppError(400, 'validation_error', {}, problems.map((p) => ({ path: `body.${p.path}`, message: p.message })));
    const row = await db.transaction(async (tx) => {
      // One save at a time per facility, so "the version I started from" is checked against the real newest.
      await tx.execute(sql`SELECT 1 FROM facilities WHERE id = ${facility.id} FOR UPDATE`);
      const current = await chartVersion(tx, facility.id);
      if ((current?.row.chartVersion ?? null) !== baseVersion) throw versionConflict();
      const [saved] = await tx
        .insert(contactChartVersions)
        .values({ organizationId: facility.organizationId, facilityId: facility.id, chartVersion: (baseVersion ?? 0) + 1, ...content, savedBy: user.id })
        .returning();
      await recordAudit(tx, auditContext(request), {
        action: 'contactChart.save',
        entityType: 'contact_chart',
        entityId: saved!.id,
        organizationId: facility.organizationId,
        facilityId: facility.id,
        changes: { chartVersion: { before: baseVersion, after: saved!.chartVersion }, entries: { before: current?.row.entries.length ?? 0, after: content.entries.length } },
      });
      return saved!;
    });
    return presentChart(row, user.name);
  });

  app.get('/facilities/:facilityId/contact-chart/versions', { schema: { params: FacilityParams, response: { 200: z.array(ContactChartVersionSummary) } } }, async (request) => {
    await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'readiness.read');
    const rows = await db
      .select({ row: contactChartVersions, savedBy: users.name })
      .from(contactChartVersions)
      .leftJoin(users, eq(users.id, contactChartVersions.savedBy))
      .where(eq(contactChartVersions.facilityId, request.params.facilityId))
      .orderBy(desc(contactChartVersions.chartVersion));
    return rows.map(({ row, savedBy }) => ({ chartVersion: row.chartVersion, savedAt: row.createdAt.toISOString(), savedBy, entryCount: row.entries.length }));
  });

  app.get(
    '/facilities/:facilityId/contact-chart/versions/:chartVersion',
    { schema: { params: FacilityParams.extend({ chartVersion: z.coerce.number().int().min(1) }), response: { 200: ContactChartView } } },
    async (request) => {
      await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'readiness.read');
      const found = await chartVersion(db, request.params.facilityId, request.params.chartVersion);
      if (!found) throw notFound();
      return presentChart(found.row, found.savedBy);
    },
  );

  app.get(
    '/facilities/:facilityId/contact-chart/export.pdf',
    { schema: { params: FacilityParams, querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional(), locale: z.enum(['ja', 'en']).default('ja') }) } },
    async (request, reply) => {
      const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'readiness.read');
      const found = await chartVersion(db, facility.id, request.query.version);
      if (!found) throw notFound();
      const chart = presentChart(found.row, found.savedBy);
      const pdf = await deps.workers.run('renderContactChartPdf', { facilityName: facility.name, chart, chartVersion: chart.chartVersion, savedAt: chart.savedAt, printedAt: todayInTokyo(), locale: request.query.locale });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(`${facility.name}_連絡体制図_第${chart.chartVersion}版.pdf`, `contact-chart-v${chart.chartVersion}.pdf`))
        .send(pdf);
    },
  );
};
