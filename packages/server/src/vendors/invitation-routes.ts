import { AcceptVendorInvitationRequest, SessionInfo, VendorInvitationPreview, fiscalYearLabel } from '@mamori/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Routes } from '../http/types.js';
import { assessments, vendorContracts } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { userByEmail } from '../invitations/service.js';
import { acceptAsInvitee } from '../invitations/sign-up.js';
import { acceptVendorInvitation } from './accept-service.js';
import { openVendorInvitation } from './invitations-service.js';
import { contractNames } from './requests-service.js';

const TokenParams = z.object({ token: z.string().min(20).max(100) });

export const vendorInvitationRoutes: Routes = (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/vendor-invitations/:token',
    { config: { access: 'public' }, schema: { params: TokenParams, response: { 200: VendorInvitationPreview } } },
    async (request) => {
      const invitation = await openVendorInvitation(db, request.params.token);
      const [contract] = await db.select().from(vendorContracts).where(eq(vendorContracts.id, invitation.contractId));
      const [form] = await db.select({ fiscalYear: assessments.fiscalYear }).from(assessments).where(eq(assessments.id, invitation.assessmentId));
      if (!contract || !form) throw new AppError(404, 'invitation_invalid');
      const names = await contractNames(db, contract);
      return {
        email: invitation.email,
        facilityName: names.facilityName,
        vendorName: names.vendorName,
        contractTitle: contract.title,
        fiscalYearLabel: fiscalYearLabel(form.fiscalYear),
        existingUser: Boolean(await userByEmail(db, invitation.email)),
        expiresAt: invitation.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/vendor-invitations/:token/accept',
    { config: { access: 'public' }, schema: { params: TokenParams, body: AcceptVendorInvitationRequest, response: { 200: SessionInfo } } },
    async (request, reply) => {
      const invitation = await openVendorInvitation(db, request.params.token);
      return acceptAsInvitee(deps, request, reply, { email: invitation.email, ...request.body }, (tx, context, user) => acceptVendorInvitation(tx, context, request.params.token, user));
    },
  );
};
