import { FacilityMember, Id, JoinFacilityRequest, UpdateFacilityMemberRequest, type FacilityRole } from '@mamori/domain';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { facilityMembers, users } from '../db/schema.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { facilityFor } from '../tenancy/scope.js';
import { joinFacility, removeFacilityMember, updateFacilityMemberRole } from './service.js';

const MemberParams = z.object({ facilityId: Id, memberId: Id });

export const memberRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  const memberColumns = {
    id: facilityMembers.id,
    userId: facilityMembers.userId,
    email: users.email,
    name: users.name,
    role: facilityMembers.role,
    version: facilityMembers.version,
  };
  const present = (row: { id: string; userId: string; email: string; name: string; role: string; version: number }) => ({ ...row, role: row.role as FacilityRole });

  app.get(
    '/facilities/:facilityId/members',
    { schema: { params: z.object({ facilityId: Id }), response: { 200: z.array(FacilityMember) } } },
    async (request) => {
      await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'member.read');
      const rows = await db
        .select(memberColumns)
        .from(facilityMembers)
        .innerJoin(users, eq(users.id, facilityMembers.userId))
        .where(eq(facilityMembers.facilityId, request.params.facilityId))
        .orderBy(asc(users.name));
      return rows.map(present);
    },
  );

  // The caller's own role in the facility: how the first administrator becomes its 安全管理責任者 (1(1)).
  app.post(
    '/facilities/:facilityId/members/me',
    { schema: { params: z.object({ facilityId: Id }), body: JoinFacilityRequest, response: { 200: FacilityMember } } },
    async (request) => {
      const { actor } = requireAuth(request);
      const facility = await facilityFor(db, actor, request.params.facilityId, 'member.joinSelf');
      await db.transaction((tx) => joinFacility(tx, auditContext(request), facility, actor.userId, request.body.role));
      const [row] = await db
        .select(memberColumns)
        .from(facilityMembers)
        .innerJoin(users, eq(users.id, facilityMembers.userId))
        .where(and(eq(facilityMembers.facilityId, facility.id), eq(facilityMembers.userId, actor.userId)));
      return present(row!);
    },
  );

  app.patch(
    '/facilities/:facilityId/members/:memberId',
    { schema: { params: MemberParams, body: UpdateFacilityMemberRequest, response: { 200: FacilityMember } } },
    async (request) => {
      const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'member.update');
      await db.transaction((tx) => updateFacilityMemberRole(tx, auditContext(request), facility, request.params.memberId, request.body));
      const [row] = await db
        .select(memberColumns)
        .from(facilityMembers)
        .innerJoin(users, eq(users.id, facilityMembers.userId))
        .where(and(eq(facilityMembers.id, request.params.memberId)));
      return present(row!);
    },
  );

  app.delete('/facilities/:facilityId/members/:memberId', { schema: { params: MemberParams } }, async (request, reply) => {
    const facility = await facilityFor(db, requireAuth(request).actor, request.params.facilityId, 'member.remove');
    await db.transaction((tx) => removeFacilityMember(tx, auditContext(request), facility, request.params.memberId));
    return reply.status(204).send();
  });
};
