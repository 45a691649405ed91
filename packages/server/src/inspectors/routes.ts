import {
  AnswerInspectionFindingRequest,
  CreatedInspector,
  CreateInspectionGrantRequest,
  CreateInspectorRequest,
  Id,
  Inspection,
  InspectionFinding,
  InspectionGrant,
  InspectorAccount,
  InspectorListQuery,
  RecordInspectionRequest,
} from '@mamori/domain';
import { z } from 'zod';
import { auditContext, requireAuth } from '../auth/context.js';
import type { Routes } from '../http/types.js';
import { listInspectors, setInspectorDisabled } from './accounts.js';
import { answerFinding, listInspections, recordInspection } from './inspections.js';
import { createInspector, grantInspection, listInspectionGrants, revokeInspection } from './service.js';

const FacilityParams = z.object({ facilityId: Id });
const InspectorParams = z.object({ inspectorId: Id });

export const inspectorRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.post('/inspectors', { schema: { body: CreateInspectorRequest, response: { 200: CreatedInspector } } }, async (request) =>
    createInspector(db, requireAuth(request).actor, auditContext(request), request.body),
  );

  app.get('/inspectors', { schema: { querystring: InspectorListQuery, response: { 200: z.array(InspectorAccount) } } }, async (request) =>
    listInspectors(db, requireAuth(request).actor, request.query.prefecture),
  );

  // Disabling ends the inspector's sign-in, sessions and tokens (an inspector who left); enabling lets them in again.
  app.post('/inspectors/:inspectorId/disable', { schema: { params: InspectorParams, response: { 200: InspectorAccount } } }, async (request) =>
    setInspectorDisabled(db, requireAuth(request).actor, auditContext(request), request.params.inspectorId, true),
  );

  app.post('/inspectors/:inspectorId/enable', { schema: { params: InspectorParams, response: { 200: InspectorAccount } } }, async (request) =>
    setInspectorDisabled(db, requireAuth(request).actor, auditContext(request), request.params.inspectorId, false),
  );

  app.get('/facilities/:facilityId/inspection-grants', { schema: { params: FacilityParams, response: { 200: z.array(InspectionGrant) } } }, async (request) =>
    listInspectionGrants(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.post(
    '/facilities/:facilityId/inspection-grants',
    { schema: { params: FacilityParams, body: CreateInspectionGrantRequest, response: { 200: InspectionGrant } } },
    async (request) => grantInspection(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.body.inspectorEmail),
  );

  app.delete(
    '/facilities/:facilityId/inspection-grants/:grantId',
    { schema: { params: z.object({ facilityId: Id, grantId: Id }) } },
    async (request, reply) => {
      await revokeInspection(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.params.grantId);
      return reply.status(204).send();
    },
  );

  app.get('/facilities/:facilityId/inspections', { schema: { params: FacilityParams, response: { 200: z.array(Inspection) } } }, async (request) =>
    listInspections(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.post(
    '/facilities/:facilityId/inspections',
    { schema: { params: FacilityParams, body: RecordInspectionRequest, response: { 200: Inspection } } },
    async (request) => recordInspection(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.body),
  );

  app.put(
    '/inspection-findings/:findingId/answer',
    { schema: { params: z.object({ findingId: Id }), body: AnswerInspectionFindingRequest, response: { 200: InspectionFinding } } },
    async (request) => answerFinding(db, requireAuth(request).actor, auditContext(request), request.params.findingId, request.body),
  );
};
