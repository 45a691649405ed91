import { OversightDashboard, OversightExportQuery, OversightQuery } from '@mamori/domain';
import { requireAuth } from '../auth/context.js';
import { tableContentTypes } from '../exports/table.js';
import { contentDisposition } from '../http/content-disposition.js';
import type { Routes } from '../http/types.js';
import { renderOversightTable } from './export.js';
import { oversightDashboard, oversightExportRows } from './service.js';

/** The dashboard over many facilities: a corporation's, an inspector's granted facilities, a prefecture's. */
export const oversightRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/oversight', { schema: { querystring: OversightQuery, response: { 200: OversightDashboard } } }, async (request) =>
    oversightDashboard(db, deps.catalog, requireAuth(request).actor, request.query),
  );

  app.get('/oversight/export', { schema: { querystring: OversightExportQuery } }, async (request, reply) => {
    const { format, locale } = request.query;
    const { fiscalYear, asOf, facilities } = await oversightExportRows(db, deps.catalog, requireAuth(request).actor, request.query);
    const body = await renderOversightTable(facilities, format, locale);
    const extension = format === 'xlsx' ? 'xlsx' : 'csv';
    const name = locale === 'ja' ? `施設一覧_${fiscalYear}年度_${asOf}` : `facilities_${fiscalYear}_${asOf}`;
    return reply
      .header('content-type', tableContentTypes[format])
      .header('content-disposition', contentDisposition(`${name}.${extension}`, `facilities_${fiscalYear}_${asOf}.${extension}`))
      .send(body);
  });
};
