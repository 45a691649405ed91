import { AcceptFindingRequest, AssessmentDetail, FindingSettingsView, FindingsView, Id, UpdateFindingSettingsRequest, todayInTokyo, type FormKind } from '@mamori/domain';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { facilities } from '../db/schema.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { diff, recordAudit } from '../audit/record.js';
import { versionConflict } from '../http/errors.js';
import { facilityFor } from '../tenancy/scope.js';
import { assessmentFor } from '../assessments/access.js';
import { presentAssessment } from '../assessments/presenter.js';
import { assessmentDetail } from '../assessments/queries.js';
import { chartVersion, presentChart } from '../contact-chart/queries.js';
import { acceptFinding } from './accept.js';
import { thresholdsOf } from './facts.js';
import { facilityFindings, findingsView } from './present.js';

const FacilityParams = z.object({ facilityId: Id });

export const findingRoutes: Routes = (app, deps) => {
  const { db } = deps.database;
  const { catalog } = deps;

  app.get(
    '/facilities/:facilityId/findings',
    { schema: { params: FacilityParams, querystring: z.strictObject({ fiscalYear: z.coerce.number().int().min(2023).max(2100).optional() }), response: { 200: FindingsView } } },
    async (request) => {
      const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'ledger.read');
      return findingsView(db, catalog, facility, request.query.fiscalYear);
    },
  );

  app.post(
    '/assessments/:assessmentId/accept-finding',
    {
      schema: {
        params: z.object({ assessmentId: Id }),
        body: AcceptFindingRequest,
        response: { 200: AssessmentDetail },
      },
    },
    async (request) => {
      const { actor } = requireAuth(request);
      const { assessment, facility } = await assessmentFor(db, actor, request.params.assessmentId, 'assessment.answer');
      await facilityFor(db, actor, facility.id, 'ledger.read');
      const asOf = todayInTokyo();
      const findings = await facilityFindings(db, facility, asOf);
      // 3(1): the inspector looks at the chart itself, so the evidence is the newest chart as printed, not a list.
      const item = catalog.item(assessment.edition, assessment.form as FormKind, request.body.itemId);
      const chart = item?.flags.artifact === 'contactChart' ? await chartVersion(db, facility.id) : null;
      const document = chart
        ? {
            content: await deps.workers.run('renderContactChartPdf', {
              facilityName: facility.name,
              chart: presentChart(chart.row, chart.savedBy),
              chartVersion: chart.row.chartVersion,
              savedAt: chart.row.createdAt.toISOString(),
              printedAt: asOf,
              locale: 'ja',
            }),
            contentType: 'application/pdf',
            fileName: `連絡体制図_第${chart.row.chartVersion}版_${asOf}.pdf`,
          }
        : undefined;
      await db.transaction((tx) => acceptFinding(tx, auditContext(request), deps.config, catalog, assessment, findings, asOf, request.body, document));
      return { assessment: presentAssessment(assessment), ...(await assessmentDetail(db, catalog, facility, assessment, assessment)) };
    },
  );

  app.get('/facilities/:facilityId/finding-settings', { schema: { params: FacilityParams, response: { 200: FindingSettingsView } } }, async (request) => {
    const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'ledger.read');
    return { ...thresholdsOf(facility), version: facility.version };
  });

  app.put(
    '/facilities/:facilityId/finding-settings',
    { schema: { params: FacilityParams, body: UpdateFindingSettingsRequest, response: { 200: FindingSettingsView } } },
    async (request) => {
      const before = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'ledger.review');
      const { version, ...thresholds } = request.body;
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(facilities)
          .set({ findingThresholds: thresholds, version: version + 1, updatedAt: new Date() })
          .where(and(eq(facilities.id, before.id), eq(facilities.version, version)))
          .returning();
        if (!updated) throw versionConflict();
        await recordAudit(tx, auditContext(request), {
          action: 'facility.findingThresholds',
          entityType: 'facility',
          entityId: updated.id,
          organizationId: updated.organizationId,
          facilityId: updated.id,
          changes: diff({ thresholds: thresholdsOf(before) }, { thresholds }, ['thresholds']),
        });
        return updated;
      });
      return { ...thresholdsOf(row), version: row.version };
    },
  );
};
