import { AcceptVendorInvitationRequest, SessionInfo, VendorInvitationPreview } from '@mamori/domain';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { acceptAsInvitee } from '../invitations/sign-up.js';
import { acceptVendorInvitation, previewVendorInvitation } from './accept-service.js';
import { openVendorInvitation } from './invitations-service.js';

const TokenParams = z.object({ token: z.string().min(20).max(100) });

export const vendorInvitationRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/vendor-invitations/:token',
    { config: { access: 'public' }, schema: { params: TokenParams, response: { 200: VendorInvitationPreview } } },
    async (request) => previewVendorInvitation(db, request.params.token),
  );

  app.post(
    '/vendor-invitations/:token/accept',
    { config: { access: 'public' }, schema: { params: TokenParams, body: AcceptVendorInvitationRequest, response: { 200: SessionInfo } } },
    async (request, reply) => {
      const invitation = await openVendorInvitation(db, request.params.token);
      return acceptAsInvitee(deps, request, reply, { email: invitation.email, ...request.body }, (tx, context, user) =>
        acceptVendorInvitation(tx, context, request.params.token, user),
      );
    },
  );
};
