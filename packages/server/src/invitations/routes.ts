import { AcceptInvitationRequest, CreateInvitationRequest, CreatedInvitation, Id, Invitation, InvitationPreview, SessionInfo, can, type FacilityRole, type OrganizationRole } from '@mamori/domain';
import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { facilities, invitations, organizations } from '../db/schema.js';
import { recordAudit } from '../audit/record.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { forbidden, notFound } from '../http/errors.js';
import { organizationFor } from '../tenancy/scope.js';
import { presentInvitation } from './presenter.js';
import { acceptAsInvitee } from './sign-up.js';
import { acceptInvitation, assertMayInvite, createInvitation, findOpenInvitation, userByEmail } from './service.js';

const OrganizationParams = z.object({ organizationId: Id });
const TokenParams = z.object({ token: z.string().min(20).max(100) });

export const invitationRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/organizations/:organizationId/invitations',
    { schema: { params: OrganizationParams, response: { 200: z.array(Invitation) } } },
    async (request) => {
      await organizationFor(db, requireAuth(request).actor, request.params.organizationId, 'member.invite');
      const rows = await db
        .select()
        .from(invitations)
        .where(and(eq(invitations.organizationId, request.params.organizationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
        .orderBy(desc(invitations.createdAt));
      return rows.map(presentInvitation);
    },
  );

  app.post(
    '/organizations/:organizationId/invitations',
    { schema: { params: OrganizationParams, body: CreateInvitationRequest, response: { 200: CreatedInvitation } } },
    async (request) => {
      const { actor } = requireAuth(request);
      await organizationFor(db, actor, request.params.organizationId, 'organization.read');
      await assertMayInvite(db, actor, request.params.organizationId, request.body);
      const { row, token } = await db.transaction((tx) => createInvitation(tx, auditContext(request), request.params.organizationId, request.body));
      return { ...presentInvitation(row), token, acceptPath: `/invite/${token}` };
    },
  );

  app.delete('/invitations/:invitationId', { schema: { params: z.object({ invitationId: Id }) } }, async (request, reply) => {
    const { actor } = requireAuth(request);
    const [row] = await db.select().from(invitations).where(eq(invitations.id, request.params.invitationId));
    if (!row || !can(actor, 'organization.read', { kind: 'organization', organizationId: row.organizationId })) throw notFound();
    const mayRevoke =
      can(actor, 'member.invite', { kind: 'organization', organizationId: row.organizationId }) ||
      (!row.organizationRole && row.facilityRoles.every((f) => can(actor, 'member.invite', { kind: 'facility', organizationId: row.organizationId, facilityId: f.facilityId })));
    if (!mayRevoke) throw forbidden();
    await db.transaction(async (tx) => {
      await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, row.id));
      await recordAudit(tx, auditContext(request), { action: 'invitation.revoke', entityType: 'invitation', entityId: row.id, organizationId: row.organizationId });
    });
    return reply.status(204).send();
  });

  app.get(
    '/invitations/by-token/:token',
    { config: { access: 'public' }, schema: { params: TokenParams, response: { 200: InvitationPreview } } },
    async (request) => {
      const invitation = await findOpenInvitation(db, request.params.token);
      const [organization] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, invitation.organizationId));
      const ids = invitation.facilityRoles.map((f) => f.facilityId);
      const rows = ids.length ? await db.select({ id: facilities.id, name: facilities.name }).from(facilities).where(inArray(facilities.id, ids)) : [];
      const nameOf = new Map(rows.map((r) => [r.id, r.name]));
      const granted = invitation.facilityRoles.flatMap((f) => (nameOf.has(f.facilityId) ? [{ name: nameOf.get(f.facilityId)!, role: f.role as FacilityRole }] : []));
      return {
        email: invitation.email,
        organizationName: organization?.name ?? '',
        facilityNames: granted.map((f) => f.name),
        facilities: granted,
        organizationRole: (invitation.organizationRole as OrganizationRole | null) ?? null,
        existingUser: Boolean(await userByEmail(db, invitation.email)),
        expiresAt: invitation.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/invitations/by-token/:token/accept',
    { config: { access: 'public' }, schema: { params: TokenParams, body: AcceptInvitationRequest, response: { 200: SessionInfo } } },
    async (request, reply) => {
      const invitation = await findOpenInvitation(db, request.params.token);
      return acceptAsInvitee(deps, request, reply, { email: invitation.email, ...request.body }, (tx, context, user) => acceptInvitation(tx, context, request.params.token, user));
    },
  );
};
