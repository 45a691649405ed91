import { BcpView, CreateBcpRecordRequest, Id, SaveBcpRequest } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { contentDisposition } from '../http/content-disposition.js';
import { evidenceType } from '../assessments/evidence.js';
import { readUpload } from '../files/upload.js';
import { addBcpDocument, addBcpRecord, bcpFacilityToWrite, bcpTemplateInput, deleteBcpRecord, readBcp, readBcpDocument, saveBcp } from './service.js';

const FacilityParams = z.object({ facilityId: Id });

const templates = {
  docx: { task: 'renderBcpDocx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { task: 'renderBcpPdf', contentType: 'application/pdf' },
} as const;

/** 3(3): the BCP for cyber attacks — essentials, the document in versions, reviews and drills, the template. */
export const bcpRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/bcp', { schema: { params: FacilityParams, response: { 200: BcpView } } }, async (request) =>
    readBcp(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.put('/facilities/:facilityId/bcp', { schema: { params: FacilityParams, body: SaveBcpRequest, response: { 200: BcpView } } }, async (request) =>
    saveBcp(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.body),
  );

  app.post(
    '/facilities/:facilityId/bcp/documents',
    { schema: { params: FacilityParams, consumes: ['multipart/form-data'], response: { 200: BcpView } } },
    async (request) => {
      const { actor, user } = requireAuth(request);
      const facility = await bcpFacilityToWrite(db, actor, request.params.facilityId);
      const upload = await readUpload(request, deps.config);
      const contentType = await evidenceType(upload.content, upload.mimetype);
      return addBcpDocument(db, deps.config, auditContext(request), facility, user.id, upload, contentType);
    },
  );

  app.get('/bcp-documents/:documentId', { schema: { params: z.object({ documentId: Id }) } }, async (request, reply) => {
    const { document, content } = await readBcpDocument(db, requireAuth(request).actor, request.params.documentId);
    return reply
      .header('content-type', document.contentType)
      .header('content-disposition', contentDisposition(document.fileName, `bcp-v${document.documentVersion}`))
      .send(content);
  });

  app.post(
    '/facilities/:facilityId/bcp/records',
    { schema: { params: FacilityParams, body: CreateBcpRecordRequest, response: { 200: BcpView } } },
    async (request) => {
      const { actor, user } = requireAuth(request);
      return addBcpRecord(db, actor, auditContext(request), request.params.facilityId, user.id, request.body);
    },
  );

  app.delete('/bcp-records/:recordId', { schema: { params: z.object({ recordId: Id }) } }, async (request, reply) => {
    await deleteBcpRecord(db, requireAuth(request).actor, auditContext(request), request.params.recordId);
    return reply.code(204).send();
  });

  app.get(
    '/facilities/:facilityId/bcp/template.:format',
    {
      schema: {
        params: FacilityParams.extend({ format: z.enum(['docx', 'pdf']) }),
        querystring: z.strictObject({ locale: z.enum(['ja', 'en']).default('ja') }),
      },
    },
    async (request, reply) => {
      const { facility, essentials } = await bcpTemplateInput(db, requireAuth(request).actor, request.params.facilityId);
      const template = templates[request.params.format];
      const content = await deps.workers.run(template.task, { facilityName: facility.name, essentials: essentials as never, locale: request.query.locale });
      const extension = request.params.format;
      return reply
        .header('content-type', template.contentType)
        .header('content-disposition', contentDisposition(`${facility.name}_サイバー攻撃BCP.${extension}`, `bcp-template.${extension}`))
        .send(content);
    },
  );
};
