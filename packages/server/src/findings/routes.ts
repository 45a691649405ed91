import { AcceptFindingRequest, AssessmentDetail, FindingSettingsView, FindingsView, Id, UpdateFindingSettingsRequest } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { acceptFinding } from './accept.js';
import { facilityFindingsView, findingSettings, updateFindingSettings } from './service.js';

const FacilityParams = z.object({ facilityId: Id });

export const findingRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/facilities/:facilityId/findings',
    {
      schema: {
        params: FacilityParams,
        querystring: z.strictObject({ fiscalYear: z.coerce.number().int().min(2023).max(2100).optional() }),
        response: { 200: FindingsView },
      },
    },
    async (request) => facilityFindingsView(db, deps.catalog, requireAuth(request).actor, request.params.facilityId, request.query.fiscalYear),
  );

  app.post(
    '/assessments/:assessmentId/accept-finding',
    { schema: { params: z.object({ assessmentId: Id }), body: AcceptFindingRequest, response: { 200: AssessmentDetail } } },
    async (request) => acceptFinding(db, deps, requireAuth(request).actor, auditContext(request), request.params.assessmentId, request.body),
  );

  app.get('/facilities/:facilityId/finding-settings', { schema: { params: FacilityParams, response: { 200: FindingSettingsView } } }, async (request) =>
    findingSettings(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.put(
    '/facilities/:facilityId/finding-settings',
    { schema: { params: FacilityParams, body: UpdateFindingSettingsRequest, response: { 200: FindingSettingsView } } },
    async (request) => updateFindingSettings(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.body),
  );
};
