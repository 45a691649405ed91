import { CreateFacilityRequest, Facility, FacilityListQuery, Id, UpdateFacilityRequest } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { facilityFor } from '../tenancy/scope.js';
import { presentFacility } from './presenter.js';
import { listVisibleFacilities } from './queries.js';
import { createFacility, updateFacility } from './service.js';

const FacilityParams = z.object({ facilityId: Id });

export const facilityRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities', { schema: { querystring: FacilityListQuery, response: { 200: z.array(Facility) } } }, async (request) => {
    const rows = await listVisibleFacilities(db, requireAuth(request).actor, request.query.organizationId);
    return rows.map(presentFacility);
  });

  app.post(
    '/organizations/:organizationId/facilities',
    { schema: { params: z.object({ organizationId: Id }), body: CreateFacilityRequest, response: { 200: Facility } } },
    async (request) =>
      presentFacility(await createFacility(db, requireAuth(request).actor, auditContext(request), request.params.organizationId, request.body)),
  );

  app.get('/facilities/:facilityId', { schema: { params: FacilityParams, response: { 200: Facility } } }, async (request) => {
    return presentFacility(await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'facility.read'));
  });

  app.patch('/facilities/:facilityId', { schema: { params: FacilityParams, body: UpdateFacilityRequest, response: { 200: Facility } } }, async (request) =>
    presentFacility(await updateFacility(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.body)),
  );
};
