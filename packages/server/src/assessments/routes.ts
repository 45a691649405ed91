import {
  AssessmentDetail,
  AssessmentItemParams,
  AssessmentSummary,
  CreateAssessmentRequest,
  CreateVendorFormRequest,
  EvidenceView,
  Id,
  SaveRoundRequest,
  UpdateAssessmentRequest,
  type FormKind,
} from '@mamori/domain';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { answerEvidence, assessments } from '../db/schema.js';
import { recordAudit } from '../audit/record.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { getFile, putFile } from '../files/store.js';
import { readUpload } from '../files/upload.js';
import { notFound } from '../http/errors.js';
import { facilityFor } from '../tenancy/scope.js';
import { assessmentFor, ownFormOf } from './access.js';
import { evidenceType } from './evidence.js';
import { presentAssessment, presentEvidence } from './presenter.js';
import { assessmentDetail } from './queries.js';
import { createAssessment, createVendorForm, deleteRound, saveRound, updateAssessment } from './service.js';

const AssessmentParams = z.object({ assessmentId: Id });
const EvidenceParams = z.object({ assessmentId: Id, evidenceId: Id });
const ItemParams = z.object({ assessmentId: Id, itemId: z.string().max(40) });

export const assessmentRoutes: Routes = (app, deps) => {
  const { db } = deps.database;
  const { catalog } = deps;

  const detail = async (assessmentId: string, actor: Parameters<typeof assessmentFor>[1]) => {
    const { assessment, facility } = await assessmentFor(db, actor, assessmentId, 'assessment.read');
    const own = await ownFormOf(db, assessment);
    return { assessment: presentAssessment(assessment), ...(await assessmentDetail(db, catalog, facility, assessment, own)) };
  };

  app.get(
    '/facilities/:facilityId/assessments',
    { schema: { params: z.object({ facilityId: Id }), response: { 200: z.array(AssessmentSummary) } } },
    async (request) => {
      await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'assessment.read');
      const rows = await db.select().from(assessments).where(eq(assessments.facilityId, request.params.facilityId)).orderBy(asc(assessments.fiscalYear), asc(assessments.form));
      return rows.map(presentAssessment);
    },
  );

  app.post(
    '/facilities/:facilityId/assessments',
    { schema: { params: z.object({ facilityId: Id }), body: CreateAssessmentRequest, response: { 200: AssessmentSummary } } },
    async (request) => {
      const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'assessment.create');
      const row = await db.transaction((tx) => createAssessment(tx, auditContext(request), catalog, facility, request.body));
      return presentAssessment(row);
    },
  );

  app.post(
    '/assessments/:assessmentId/vendor-forms',
    { schema: { params: AssessmentParams, body: CreateVendorFormRequest, response: { 200: AssessmentSummary } } },
    async (request) => {
      const { assessment } = await assessmentFor(db, requireAuth(request).actor, request.params.assessmentId, 'assessment.create');
      const own = await ownFormOf(db, assessment);
      const row = await db.transaction((tx) => createVendorForm(tx, auditContext(request), catalog, own, request.body));
      return presentAssessment(row);
    },
  );

  app.get('/assessments/:assessmentId', { schema: { params: AssessmentParams, response: { 200: AssessmentDetail } } }, async (request) =>
    detail(request.params.assessmentId, requireAuth(request).actor),
  );

  app.patch(
    '/assessments/:assessmentId',
    { schema: { params: AssessmentParams, body: UpdateAssessmentRequest, response: { 200: AssessmentDetail } } },
    async (request) => {
      const { actor } = requireAuth(request);
      const { assessment } = await assessmentFor(db, actor, request.params.assessmentId, 'assessment.answer');
      await db.transaction((tx) => updateAssessment(tx, auditContext(request), assessment, request.body));
      return detail(assessment.id, actor);
    },
  );

  app.put(
    '/assessments/:assessmentId/items/:itemId/rounds/:round',
    { schema: { params: AssessmentItemParams, body: SaveRoundRequest, response: { 200: AssessmentDetail } } },
    async (request) => {
      const { actor } = requireAuth(request);
      const { assessment } = await assessmentFor(db, actor, request.params.assessmentId, 'assessment.answer');
      await db.transaction((tx) => saveRound(tx, auditContext(request), catalog, assessment, request.params.itemId, request.params.round, request.body));
      return detail(assessment.id, actor);
    },
  );

  app.delete(
    '/assessments/:assessmentId/items/:itemId/rounds/:round',
    { schema: { params: AssessmentItemParams, response: { 200: AssessmentDetail } } },
    async (request) => {
      const { actor } = requireAuth(request);
      const { assessment } = await assessmentFor(db, actor, request.params.assessmentId, 'assessment.answer');
      await db.transaction((tx) => deleteRound(tx, auditContext(request), assessment, request.params.itemId, request.params.round));
      return detail(assessment.id, actor);
    },
  );

  app.post(
    '/assessments/:assessmentId/items/:itemId/evidence',
    { schema: { params: ItemParams, consumes: ['multipart/form-data'], response: { 200: EvidenceView } } },
    async (request) => {
      const { actor, user } = requireAuth(request);
      const { assessment } = await assessmentFor(db, actor, request.params.assessmentId, 'assessment.answer');
      if (!catalog.item(assessment.edition, assessment.form as FormKind, request.params.itemId)) throw notFound();
      const upload = await readUpload(request, deps.config);
      const contentType = await evidenceType(upload.content, upload.mimetype);
      const { content, fileName } = upload;
      const row = await db.transaction(async (tx) => {
        const file = await putFile(tx, deps.config, { content, contentType });
        const [inserted] = await tx
          .insert(answerEvidence)
          .values({ assessmentId: assessment.id, itemId: request.params.itemId, fileSha256: file.sha256, fileName, contentType, size: file.size, uploadedBy: user.id })
          .returning();
        await recordAudit(tx, auditContext(request), {
          action: 'evidence.attach',
          entityType: 'answer_evidence',
          entityId: inserted!.id,
          organizationId: assessment.organizationId,
          facilityId: assessment.facilityId,
          changes: { item: { before: null, after: request.params.itemId }, file: { before: null, after: { name: fileName, sha256: file.sha256, size: file.size } } },
        });
        return inserted!;
      });
      return presentEvidence(row, user.name);
    },
  );

  app.get('/assessments/:assessmentId/evidence/:evidenceId', { schema: { params: EvidenceParams } }, async (request, reply) => {
    const { assessment } = await assessmentFor(db, requireAuth(request).actor, request.params.assessmentId, 'assessment.read');
    const [evidence] = await db.select().from(answerEvidence).where(and(eq(answerEvidence.id, request.params.evidenceId), eq(answerEvidence.assessmentId, assessment.id)));
    const file = evidence && (await getFile(db, evidence.fileSha256));
    if (!evidence || !file) throw notFound();
    return reply
      .header('content-type', evidence.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });

  app.delete('/assessments/:assessmentId/evidence/:evidenceId', { schema: { params: EvidenceParams } }, async (request, reply) => {
    const { assessment } = await assessmentFor(db, requireAuth(request).actor, request.params.assessmentId, 'assessment.answer');
    await db.transaction(async (tx) => {
      const [deleted] = await tx.delete(answerEvidence).where(and(eq(answerEvidence.id, request.params.evidenceId), eq(answerEvidence.assessmentId, assessment.id))).returning();
      if (!deleted) throw notFound();
      await recordAudit(tx, auditContext(request), {
        action: 'evidence.detach',
        entityType: 'answer_evidence',
        entityId: deleted.id,
        organizationId: assessment.organizationId,
        facilityId: assessment.facilityId,
        changes: { item: { before: deleted.itemId, after: null }, file: { before: { name: deleted.fileName, sha256: deleted.fileSha256 }, after: null } },
      });
    });
    return reply.status(204).send();
  });
};
