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
} from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { readUpload } from '../files/upload.js';
import { attachEvidence, detachEvidence, evidenceFile, evidenceTarget } from './evidence.js';
import { answerRound, assessmentView, createAssessment, createVendorForm, listAssessments, updateAssessment, withdrawRound } from './service.js';

const FacilityParams = z.object({ facilityId: Id });
const AssessmentParams = z.object({ assessmentId: Id });
const EvidenceParams = z.object({ assessmentId: Id, evidenceId: Id });
const ItemParams = z.object({ assessmentId: Id, itemId: z.string().max(40) });

export const assessmentRoutes: Routes = (app, deps) => {
  const { db } = deps.database;
  const { catalog } = deps;

  app.get('/facilities/:facilityId/assessments', { schema: { params: FacilityParams, response: { 200: z.array(AssessmentSummary) } } }, async (request) =>
    listAssessments(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.post(
    '/facilities/:facilityId/assessments',
    { schema: { params: FacilityParams, body: CreateAssessmentRequest, response: { 200: AssessmentSummary } } },
    async (request) => createAssessment(db, catalog, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.body),
  );

  app.post(
    '/assessments/:assessmentId/vendor-forms',
    { schema: { params: AssessmentParams, body: CreateVendorFormRequest, response: { 200: AssessmentSummary } } },
    async (request) => createVendorForm(db, catalog, requireAuth(request).actor, auditContext(request), request.params.assessmentId, request.body),
  );

  app.get('/assessments/:assessmentId', { schema: { params: AssessmentParams, response: { 200: AssessmentDetail } } }, async (request) =>
    assessmentView(db, catalog, requireAuth(request).actor, request.params.assessmentId),
  );

  app.patch(
    '/assessments/:assessmentId',
    { schema: { params: AssessmentParams, body: UpdateAssessmentRequest, response: { 200: AssessmentDetail } } },
    async (request) => updateAssessment(db, catalog, requireAuth(request).actor, auditContext(request), request.params.assessmentId, request.body),
  );

  app.put(
    '/assessments/:assessmentId/items/:itemId/rounds/:round',
    { schema: { params: AssessmentItemParams, body: SaveRoundRequest, response: { 200: AssessmentDetail } } },
    async (request) => {
      const { assessmentId, itemId, round } = request.params;
      return answerRound(db, catalog, requireAuth(request).actor, auditContext(request), assessmentId, itemId, round, request.body);
    },
  );

  app.delete(
    '/assessments/:assessmentId/items/:itemId/rounds/:round',
    { schema: { params: AssessmentItemParams, response: { 200: AssessmentDetail } } },
    async (request) => {
      const { assessmentId, itemId, round } = request.params;
      return withdrawRound(db, catalog, requireAuth(request).actor, auditContext(request), assessmentId, itemId, round);
    },
  );

  app.post(
    '/assessments/:assessmentId/items/:itemId/evidence',
    { schema: { params: ItemParams, consumes: ['multipart/form-data'], response: { 200: EvidenceView } } },
    async (request) => {
      const { actor, user } = requireAuth(request);
      const assessment = await evidenceTarget(db, catalog, actor, request.params.assessmentId, request.params.itemId);
      const upload = await readUpload(request, deps.config);
      return attachEvidence(db, deps.config, auditContext(request), assessment, request.params.itemId, user, upload);
    },
  );

  app.get('/assessments/:assessmentId/evidence/:evidenceId', { schema: { params: EvidenceParams } }, async (request, reply) => {
    const { evidence, content } = await evidenceFile(db, requireAuth(request).actor, request.params.assessmentId, request.params.evidenceId);
    return reply
      .header('content-type', evidence.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(content);
  });

  app.delete('/assessments/:assessmentId/evidence/:evidenceId', { schema: { params: EvidenceParams } }, async (request, reply) => {
    await detachEvidence(db, requireAuth(request).actor, auditContext(request), request.params.assessmentId, request.params.evidenceId);
    return reply.status(204).send();
  });
};
