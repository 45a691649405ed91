import { findUnsafeText, HeaderMapping, LedgerExportQuery, LedgerParams, ImportResult, SavedMappingView, todayInTokyo } from '@mamori/domain';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { AppError } from '../http/errors.js';
import { contentDisposition } from '../http/content-disposition.js';
import { requestLocale } from '../http/locale.js';
import { readUpload } from '../files/upload.js';
import { ledgerOf } from './definitions.js';
import { facilityToImportInto, importLedger, mappingView } from './import.js';
import { recordsToExport } from './service.js';

const exportTypes = {
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  'csv-sjis': { contentType: 'text/csv; charset=shift_jis', extension: 'csv' },
} as const;

const ledgerNames = { assets: { ja: '機器台帳', en: 'assets' }, accounts: { ja: '利用者ID台帳', en: 'accounts' } } as const;

function parseMapping(text: string | undefined): HeaderMapping | undefined {
  if (!text) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(400, 'validation_error', {}, [{ path: 'mapping', code: 'mapping_malformed' }]);
  }
  const unsafe = findUnsafeText(json);
  if (unsafe)
    throw new AppError(400, 'validation_error', {}, [{ path: ['mapping', unsafe.path].filter(Boolean).join('.'), code: `unsafe_${unsafe.kind}` as const }]);
  const parsed = HeaderMapping.safeParse(json);
  if (!parsed.success) throw new AppError(400, 'validation_error', {}, [{ path: 'mapping', code: 'mapping_unknown_field' }]);
  return parsed.data;
}

export const ledgerImportRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.post(
    '/facilities/:facilityId/ledgers/:ledger/import',
    { schema: { params: LedgerParams, consumes: ['multipart/form-data'], response: { 200: ImportResult } } },
    async (request) => {
      const { actor, user } = requireAuth(request);
      const facility = await facilityToImportInto(db, actor, request.params.facilityId);
      const upload = await readUpload(request, deps.config);
      return importLedger(db, deps.workers, {
        facility,
        ledger: request.params.ledger,
        content: upload.content,
        fileName: upload.fileName,
        chosen: parseMapping(upload.fields.mapping),
        commit: upload.fields.commit === 'true',
        locale: requestLocale(request),
        context: auditContext(request),
        reviewerName: user.name,
      });
    },
  );

  app.get('/facilities/:facilityId/ledgers/:ledger/mapping', { schema: { params: LedgerParams, response: { 200: SavedMappingView } } }, async (request) =>
    mappingView(db, requireAuth(request).actor, request.params.facilityId, request.params.ledger),
  );

  app.get('/facilities/:facilityId/ledgers/:ledger/export', { schema: { params: LedgerParams, querystring: LedgerExportQuery } }, async (request, reply) => {
    const definition = ledgerOf(request.params.ledger);
    const { facility, records } = await recordsToExport(db, requireAuth(request).actor, definition, request.params.facilityId);
    const { format, locale } = request.query;
    const content = await deps.workers.run('renderLedger', definition.kind, records, format, locale);
    const type = exportTypes[format];
    const name = `${facility.name}_${ledgerNames[definition.kind][locale]}_${todayInTokyo()}.${type.extension}`;
    return reply
      .header('content-type', type.contentType)
      .header('content-disposition', contentDisposition(name, `mamori-${definition.kind}-${todayInTokyo()}.${type.extension}`))
      .send(content);
  });
};
