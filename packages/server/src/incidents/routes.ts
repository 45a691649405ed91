import { CreateIncidentEventRequest, CreateIncidentRequest, Id, IncidentSummary, IncidentView, UpdateIncidentRequest } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { listIncidents, openIncident, readIncident, recordIncidentEvent, updateIncident } from './service.js';

const FacilityParams = z.object({ facilityId: Id });
const IncidentParams = z.object({ incidentId: Id });

/** An incident as it happens: the calling order and what was done, when. */
export const incidentRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/incidents', { schema: { params: FacilityParams, response: { 200: z.array(IncidentSummary) } } }, async (request) =>
    listIncidents(db, requireAuth(request).actor, request.params.facilityId),
  );

  app.post(
    '/facilities/:facilityId/incidents',
    { schema: { params: FacilityParams, body: CreateIncidentRequest, response: { 200: IncidentView } } },
    async (request) => openIncident(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.body),
  );

  app.get('/incidents/:incidentId', { schema: { params: IncidentParams, response: { 200: IncidentView } } }, async (request) =>
    readIncident(db, requireAuth(request).actor, request.params.incidentId),
  );

  app.patch('/incidents/:incidentId', { schema: { params: IncidentParams, body: UpdateIncidentRequest, response: { 200: IncidentView } } }, async (request) =>
    updateIncident(db, requireAuth(request).actor, auditContext(request), request.params.incidentId, request.body),
  );

  app.post(
    '/incidents/:incidentId/events',
    { schema: { params: IncidentParams, body: CreateIncidentEventRequest, response: { 200: IncidentView } } },
    async (request) => {
      const { actor, user } = requireAuth(request);
      return recordIncidentEvent(db, actor, auditContext(request), request.params.incidentId, user.id, request.body);
    },
  );
};
