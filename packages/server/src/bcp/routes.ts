import { BcpView, CreateBcpRecordRequest, Id, SaveBcpRequest, type Actor, type Permission } from '@mamori/domain';
import { and, eq, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import type { Db } from '../db/connect.js';
import { bcpDocuments, bcpPlans, bcpRecords } from '../db/schema.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { diff, recordAudit } from '../audit/record.js';
import { notFound, versionConflict } from '../http/errors.js';
import { contentDisposition } from '../http/content-disposition.js';
import { evidenceType } from '../assessments/evidence.js';
import { getFile, putFile } from '../files/store.js';
import { readUpload } from '../files/upload.js';
import { facilityFor } from '../tenancy/scope.js';
import { bcpView } from './queries.js';

const FacilityParams = z.object({ facilityId: Id });

async function rowFor<T extends { facilityId: string }>(db: Db, actor: Actor, row: T | undefined, permission: Permission): Promise<T> {
  if (!row) throw notFound();
  await facilityFor(db, actor, row.facilityId, permission);
  return row;
}

const templates = {
  docx: { task: 'renderBcpDocx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { task: 'renderBcpPdf', contentType: 'application/pdf' },
} as const;

/** 3(3): the BCP for cyber attacks — essentials, the document in versions, reviews and drills, the template. */
export const bcpRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/bcp', { schema: { params: FacilityParams, response: { 200: BcpView } } }, async (request) => {
    await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'readiness.read');
    return bcpView(db, request.params.facilityId);
  });

  app.put('/facilities/:facilityId/bcp', { schema: { params: FacilityParams, body: SaveBcpRequest, response: { 200: BcpView } } }, async (request) => {
    const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'readiness.plan');
    const { version, essentials, plannedOn } = request.body;
    return db.transaction(async (tx) => {
      const [before] = await tx.select().from(bcpPlans).where(eq(bcpPlans.facilityId, facility.id)).for('update');
      if ((before?.version ?? null) !== version) throw versionConflict();
      if (before) await tx.update(bcpPlans).set({ essentials, plannedOn, version: before.version + 1, updatedAt: new Date() }).where(eq(bcpPlans.facilityId, facility.id));
      else await tx.insert(bcpPlans).values({ facilityId: facility.id, organizationId: facility.organizationId, essentials, plannedOn });
      await recordAudit(tx, auditContext(request), {
        action: 'bcp.save', entityType: 'bcp', entityId: facility.id, organizationId: facility.organizationId, facilityId: facility.id,
        changes: {
          ...diff(before?.essentials ?? null, essentials, Object.keys(essentials) as never),
          ...diff(before ? { plannedOn: before.plannedOn } : null, { plannedOn }, ['plannedOn']),
        },
      });
      return bcpView(tx, facility.id);
    });
  });

  app.post('/facilities/:facilityId/bcp/documents', { schema: { params: FacilityParams, consumes: ['multipart/form-data'], response: { 200: BcpView } } }, async (request) => {
    const { actor, user } = requireAuth(request);
    const facility = await facilityFor(db, actor, request.params.facilityId, 'readiness.plan');
    const upload = await readUpload(request, deps.config);
    const contentType = await evidenceType(upload.content, upload.mimetype);
    return db.transaction(async (tx) => {
      // Versions are numbered per facility; the row lock keeps two uploads from taking the same number.
      await tx.execute(sql`SELECT 1 FROM facilities WHERE id = ${facility.id} FOR UPDATE`);
      const [latest] = await tx.select({ n: max(bcpDocuments.documentVersion) }).from(bcpDocuments).where(eq(bcpDocuments.facilityId, facility.id));
      const file = await putFile(tx, deps.config, { content: upload.content, contentType });
      const [document] = await tx
        .insert(bcpDocuments)
        .values({
          organizationId: facility.organizationId, facilityId: facility.id, documentVersion: (latest?.n ?? 0) + 1,
          fileSha256: file.sha256, fileName: upload.fileName, contentType, size: file.size, uploadedBy: user.id,
        })
        .returning();
      await recordAudit(tx, auditContext(request), {
        action: 'bcp.document', entityType: 'bcp_document', entityId: document!.id, organizationId: facility.organizationId, facilityId: facility.id,
        changes: { file: { before: null, after: { name: upload.fileName, sha256: file.sha256, documentVersion: document!.documentVersion } } },
      });
      return bcpView(tx, facility.id);
    });
  });

  app.get('/bcp-documents/:documentId', { schema: { params: z.object({ documentId: Id }) } }, async (request, reply) => {
    const [found] = await db.select().from(bcpDocuments).where(eq(bcpDocuments.id, request.params.documentId));
    const document = await rowFor(db, requireAuth(request).actor, found, 'readiness.read');
    const file = await getFile(db, document.fileSha256);
    if (!file) throw notFound();
    return reply.header('content-type', document.contentType).header('content-disposition', contentDisposition(document.fileName, `bcp-v${document.documentVersion}`)).send(file.content);
  });

  app.post('/facilities/:facilityId/bcp/records', { schema: { params: FacilityParams, body: CreateBcpRecordRequest, response: { 200: BcpView } } }, async (request) => {
    const { actor, user } = requireAuth(request);
    const facility = await facilityFor(db, actor, request.params.facilityId, 'readiness.plan');
    return db.transaction(async (tx) => {
      const [record] = await tx.insert(bcpRecords).values({ ...request.body, organizationId: facility.organizationId, facilityId: facility.id, recordedBy: user.id }).returning();
      await recordAudit(tx, auditContext(request), {
        action: 'bcp.record', entityType: 'bcp_record', entityId: record!.id, organizationId: facility.organizationId, facilityId: facility.id,
        changes: diff(null, record!, ['kind', 'heldOn', 'participants', 'notes']),
      });
      return bcpView(tx, facility.id);
    });
  });

  app.delete('/bcp-records/:recordId', { schema: { params: z.object({ recordId: Id }) } }, async (request, reply) => {
    const [found] = await db.select().from(bcpRecords).where(eq(bcpRecords.id, request.params.recordId));
    const record = await rowFor(db, requireAuth(request).actor, found, 'readiness.plan');
    await db.transaction(async (tx) => {
      await tx.delete(bcpRecords).where(and(eq(bcpRecords.id, record.id)));
      await recordAudit(tx, auditContext(request), {
        action: 'bcp.record.delete', entityType: 'bcp_record', entityId: record.id, organizationId: record.organizationId, facilityId: record.facilityId,
        changes: diff(record, null, ['kind', 'heldOn', 'participants', 'notes']),
      });
    });
    return reply.code(204).send();
  });

  app.get(
    '/facilities/:facilityId/bcp/template.:format',
    { schema: { params: FacilityParams.extend({ format: z.enum(['docx', 'pdf']) }), querystring: z.strictObject({ locale: z.enum(['ja', 'en']).default('ja') }) } },
    async (request, reply) => {
      const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'readiness.read');
      const [plan] = await db.select().from(bcpPlans).where(eq(bcpPlans.facilityId, facility.id));
      const template = templates[request.params.format];
      const content = await deps.workers.run(template.task, { facilityName: facility.name, essentials: plan ? (plan.essentials as never) : null, locale: request.query.locale });
      const extension = request.params.format;
      return reply
        .header('content-type', template.contentType)
        .header('content-disposition', contentDisposition(`${facility.name}_サイバー攻撃BCP.${extension}`, `bcp-template.${extension}`))
        .send(content);
    },
  );
};
