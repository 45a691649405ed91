import { AcceptInvitationRequest, CreateInvitationRequest, CreatedInvitation, Id, Invitation, InvitationPreview, SessionInfo } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { auditContext, requireAuth } from '../auth/context.js';
import { acceptAsInvitee } from './sign-up.js';
import { acceptInvitation, createInvitation, findOpenInvitation, invitationPreview, listOpenInvitations, revokeInvitation } from './service.js';

const OrganizationParams = z.object({ organizationId: Id });
const TokenParams = z.object({ token: z.string().min(20).max(100) });

export const invitationRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get('/organizations/:organizationId/invitations', { schema: { params: OrganizationParams, response: { 200: z.array(Invitation) } } }, async (request) =>
    listOpenInvitations(db, requireAuth(request).actor, request.params.organizationId),
  );

  app.post(
    '/organizations/:organizationId/invitations',
    { schema: { params: OrganizationParams, body: CreateInvitationRequest, response: { 200: CreatedInvitation } } },
    async (request) => createInvitation(db, requireAuth(request).actor, auditContext(request), request.params.organizationId, request.body),
  );

  app.delete('/invitations/:invitationId', { schema: { params: z.object({ invitationId: Id }) } }, async (request, reply) => {
    await revokeInvitation(db, requireAuth(request).actor, auditContext(request), request.params.invitationId);
    return reply.status(204).send();
  });

  app.get(
    '/invitations/by-token/:token',
    { config: { access: 'public' }, schema: { params: TokenParams, response: { 200: InvitationPreview } } },
    async (request) => invitationPreview(db, request.params.token),
  );

  app.post(
    '/invitations/by-token/:token/accept',
    { config: { access: 'public' }, schema: { params: TokenParams, body: AcceptInvitationRequest, response: { 200: SessionInfo } } },
    async (request, reply) => {
      const invitation = await findOpenInvitation(db, request.params.token);
      return acceptAsInvitee(deps, request, reply, { email: invitation.email, ...request.body }, (tx, context, user) =>
        acceptInvitation(tx, context, request.params.token, user),
      );
    },
  );
};
