import { ContactChartVersionSummary, ContactChartView, Id, SaveContactChartRequest, todayInTokyo } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { contentDisposition } from '../http/content-disposition.js';
import { chartToPrint, listChartVersions, readChart, saveChart } from './service.js';

const FacilityParams = z.object({ facilityId: Id });

export const contactChartRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/contact-chart', { schema: { params: FacilityParams, response: { 200: ContactChartView } } }, async (request) =>
    readChart(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.put(
    '/facilities/:facilityId/contact-chart',
    { schema: { params: FacilityParams, body: SaveContactChartRequest, response: { 200: ContactChartView } } },
    async (request) => {
      const { actor, user } = requireAuth(request);
      return saveChart(db, actor, auditContext(request), request.params.facilityId, user, request.body);
    },
  );

  app.get(
    '/facilities/:facilityId/contact-chart/versions',
    { schema: { params: FacilityParams, response: { 200: z.array(ContactChartVersionSummary) } } },
    async (request) => listChartVersions(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.get(
    '/facilities/:facilityId/contact-chart/versions/:chartVersion',
    { schema: { params: FacilityParams.extend({ chartVersion: z.coerce.number().int().min(1) }), response: { 200: ContactChartView } } },
    async (request) => readChart(db, requireAuth(request).actor, request.params.facilityId, request.params.chartVersion),
  );

  app.get(
    '/facilities/:facilityId/contact-chart/export.pdf',
    {
      schema: {
        params: FacilityParams,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional(), locale: z.enum(['ja', 'en']).default('ja') }),
      },
    },
    async (request, reply) => {
      const { facility, chart } = await chartToPrint(db, requireAuth(request).actor, request.params.facilityId, request.query.version);
      const pdf = await deps.workers.run('renderContactChartPdf', {
        facilityName: facility.name,
        chart,
        chartVersion: chart.chartVersion,
        savedAt: chart.savedAt,
        printedAt: todayInTokyo(),
        locale: request.query.locale,
      });
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          contentDisposition(`${facility.name}_連絡体制図_第${chart.chartVersion}版.pdf`, `contact-chart-v${chart.chartVersion}.pdf`),
        )
        .send(pdf);
    },
  );
};
