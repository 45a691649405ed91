import { CreateOrganizationRequest, Id, Organization, OrganizationMember, UpdateOrganizationRequest } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { organizationFor } from '../tenancy/scope.js';
import { presentOrganization } from './presenter.js';
import { listVisibleOrganizations } from './queries.js';
import { createOrganization, organizationMembers, updateOrganization } from './service.js';

const OrganizationParams = z.object({ organizationId: Id });

export const organizationRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/organizations', { schema: { response: { 200: z.array(Organization) } } }, async (request) => {
    const rows = await listVisibleOrganizations(db, requireAuth(request).actor);
    return rows.map(presentOrganization);
  });

  app.post('/organizations', { schema: { body: CreateOrganizationRequest, response: { 200: Organization } } }, async (request) =>
    presentOrganization(await createOrganization(db, requireAuth(request).actor, auditContext(request), request.body)),
  );

  app.get('/organizations/:organizationId', { schema: { params: OrganizationParams, response: { 200: Organization } } }, async (request) => {
    const row = await organizationFor(db, requireAuth(request).actor, request.params.organizationId, 'organization.read');
    return presentOrganization(row);
  });

  app.patch(
    '/organizations/:organizationId',
    { schema: { params: OrganizationParams, body: UpdateOrganizationRequest, response: { 200: Organization } } },
    async (request) =>
      presentOrganization(await updateOrganization(db, requireAuth(request).actor, auditContext(request), request.params.organizationId, request.body)),
  );

  app.get(
    '/organizations/:organizationId/members',
    { schema: { params: OrganizationParams, response: { 200: z.array(OrganizationMember) } } },
    async (request) => organizationMembers(db, requireAuth(request).actor, request.params.organizationId),
  );
};
