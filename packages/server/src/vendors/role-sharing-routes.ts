import { Id, Locale, RoleSharingView, SaveRoleSharingRequest, VendorFormVersionRequest } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { contentDisposition } from '../http/content-disposition.js';
import { confirmRoleSharing, proposeRoleSharing, readRoleSharing, roleSharingDocument } from './role-sharing-service.js';

const ContractParams = z.object({ contractId: Id });
const ExportQuery = z.object({ locale: Locale.default('ja') });

export const roleSharingRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/contracts/:contractId/role-sharing', { schema: { params: ContractParams, response: { 200: RoleSharingView } } }, async (request) =>
    readRoleSharing(db, requireAuth(request).actor, request.params.contractId),
  );

  app.put(
    '/contracts/:contractId/role-sharing',
    { schema: { params: ContractParams, body: SaveRoleSharingRequest, response: { 200: RoleSharingView } } },
    async (request) => proposeRoleSharing(db, requireAuth(request).actor, auditContext(request), request.params.contractId, request.body),
  );

  app.post(
    '/contracts/:contractId/role-sharing/confirm',
    { schema: { params: ContractParams, body: VendorFormVersionRequest, response: { 200: RoleSharingView } } },
    async (request) => confirmRoleSharing(db, requireAuth(request).actor, auditContext(request), request.params.contractId, request.body.version),
  );

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(`/contracts/:contractId/role-sharing.${format}`, { schema: { params: ContractParams, querystring: ExportQuery } }, async (request, reply) => {
      const document = await roleSharingDocument(db, requireAuth(request).actor, request.params.contractId);
      const body = await deps.workers.run(format === 'pdf' ? 'renderRoleSharingPdf' : 'renderRoleSharingXlsx', document, request.query.locale);
      const type = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply
        .header('content-type', type)
        .header('content-disposition', contentDisposition(`${document.facilityName}_${document.vendorName}_役割分担表.${format}`, `role-sharing.${format}`))
        .send(body);
    });
  }
};
