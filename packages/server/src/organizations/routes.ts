import { CreateOrganizationRequest, Id, Organization, OrganizationMember, UpdateOrganizationRequest, can, type FacilityRole, type OrganizationRole } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { forbidden } from '../http/errors.js';
import { organizationFor } from '../tenancy/scope.js';
import { presentOrganization } from './presenter.js';
import { listOrganizationMembers, listVisibleOrganizations } from './queries.js';
import { createOrganization, updateOrganization } from './service.js';

const OrganizationParams = z.object({ organizationId: Id });

export const organizationRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/organizations', { schema: { response: { 200: z.array(Organization) } } }, async (request) => {
    const rows = await listVisibleOrganizations(db, requireAuth(request).actor);
    return rows.map(presentOrganization);
  });

  app.post('/organizations', { schema: { body: CreateOrganizationRequest, response: { 200: Organization } } }, async (request) => {
    const { actor } = requireAuth(request);
    if (!can(actor, 'organization.create', { kind: 'global' })) throw forbidden();
    const row = await db.transaction((tx) => createOrganization(tx, auditContext(request), request.body));
    return presentOrganization(row);
  });

  app.get('/organizations/:organizationId', { schema: { params: OrganizationParams, response: { 200: Organization } } }, async (request) => {
    const row = await organizationFor(db, requireAuth(request).actor, request.params.organizationId, 'organization.read');
    return presentOrganization(row);
  });

  app.patch(
    '/organizations/:organizationId',
    { schema: { params: OrganizationParams, body: UpdateOrganizationRequest, response: { 200: Organization } } },
    async (request) => {
      const { actor } = requireAuth(request);
      await organizationFor(db, actor, request.params.organizationId, 'organization.update');
      const row = await db.transaction((tx) => updateOrganization(tx, auditContext(request), request.params.organizationId, request.body));
      return presentOrganization(row);
    },
  );

  app.get(
    '/organizations/:organizationId/members',
    { schema: { params: OrganizationParams, response: { 200: z.array(OrganizationMember) } } },
    async (request) => {
      const { actor } = requireAuth(request);
      await organizationFor(db, actor, request.params.organizationId, 'member.read');
      const members = await listOrganizationMembers(db, request.params.organizationId);
      return members.map((m) => ({
        ...m,
        organizationRole: m.organizationRole as OrganizationRole | null,
        facilities: m.facilities.map((f) => ({ facilityId: f.facilityId, role: f.role as FacilityRole })),
      }));
    },
  );
};
