import { DisclosureFields, DisclosureView, Id } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { readUpload } from '../files/upload.js';
import { contentDisposition } from '../http/content-disposition.js';
import { AppError } from '../http/errors.js';
import { requestLocale } from '../http/locale.js';
import { zodDetails, zodErrorMap } from '../http/zod-details.js';
import { deleteDisclosure, disclosureContract, fileDisclosure, listDisclosures, readDisclosureFile } from './disclosures-service.js';

const ContractParams = z.object({ contractId: Id });
const DisclosureParams = z.object({ disclosureId: Id });

/** MDS/SDS register: either side files the statement for a contracted system; both can read it. */
export const disclosureRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/contracts/:contractId/disclosures', { schema: { params: ContractParams, response: { 200: z.array(DisclosureView) } } }, async (request) =>
    listDisclosures(db, requireAuth(request).actor, request.params.contractId),
  );

  app.post(
    '/contracts/:contractId/disclosures',
    { schema: { params: ContractParams, consumes: ['multipart/form-data'], response: { 200: DisclosureView } } },
    async (request) => {
      const target = await disclosureContract(db, requireAuth(request).actor, request.params.contractId);
      const upload = await readUpload(request, deps.config);
      const parsed = DisclosureFields.safeParse(upload.fields, { error: zodErrorMap(requestLocale(request)) });
      if (!parsed.success) throw new AppError(400, 'validation_error', {}, zodDetails(parsed.error.issues, 'body'));
      return fileDisclosure(db, deps.config, auditContext(request), target, upload, parsed.data);
    },
  );

  app.get('/disclosures/:disclosureId/file', { schema: { params: DisclosureParams } }, async (request, reply) => {
    const { disclosure, content } = await readDisclosureFile(db, requireAuth(request).actor, request.params.disclosureId);
    return reply
      .header('content-type', disclosure.contentType)
      .header('content-disposition', contentDisposition(disclosure.fileName, `${disclosure.kind.toLowerCase()}-${disclosure.id.slice(0, 8)}`))
      .header('x-content-type-options', 'nosniff')
      .send(content);
  });

  app.delete('/disclosures/:disclosureId', { schema: { params: DisclosureParams } }, async (request, reply) => {
    await deleteDisclosure(db, requireAuth(request).actor, auditContext(request), request.params.disclosureId);
    return reply.status(204).send();
  });
};
