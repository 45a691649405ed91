import { FacilityMember, Id, JoinFacilityRequest, UpdateFacilityMemberRequest } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { joinFacility, listMembers, removeFacilityMember, updateFacilityMemberRole } from './service.js';

const FacilityParams = z.object({ facilityId: Id });
const MemberParams = z.object({ facilityId: Id, memberId: Id });

export const memberRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/facilities/:facilityId/members', { schema: { params: FacilityParams, response: { 200: z.array(FacilityMember) } } }, async (request) =>
    listMembers(db, requireAuth(request).actor, request.params.facilityId),
  );

  // The caller's own role in the facility: how the first administrator becomes its 安全管理責任者 (1(1)).
  app.post(
    '/facilities/:facilityId/members/me',
    { schema: { params: FacilityParams, body: JoinFacilityRequest, response: { 200: FacilityMember } } },
    async (request) => joinFacility(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.body.role),
  );

  app.patch(
    '/facilities/:facilityId/members/:memberId',
    { schema: { params: MemberParams, body: UpdateFacilityMemberRequest, response: { 200: FacilityMember } } },
    async (request) =>
      updateFacilityMemberRole(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.params.memberId, request.body),
  );

  app.delete('/facilities/:facilityId/members/:memberId', { schema: { params: MemberParams } }, async (request, reply) => {
    await removeFacilityMember(db, requireAuth(request).actor, auditContext(request), request.params.facilityId, request.params.memberId);
    return reply.status(204).send();
  });
};
