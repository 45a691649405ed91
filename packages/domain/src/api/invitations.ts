import { z } from 'zod';
import { Email, Id, Password, PersonName } from './common.js';
import { FacilityRole, OrganizationRole } from '../roles.js';

export const CreateInvitationRequest = z.strictObject({
  email: Email,
  organizationRole: OrganizationRole.nullable().default(null),
  facilityRoles: z
    .array(z.strictObject({ facilityId: Id, role: FacilityRole }))
    .max(500)
    .default([]),
});

export const Invitation = z.object({
  id: Id,
  organizationId: Id,
  email: z.string(),
  organizationRole: OrganizationRole.nullable(),
  facilityRoles: z.array(z.object({ facilityId: Id, role: FacilityRole })),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  createdAt: z.string(),
});
/** The token is shown once, on creation; only its hash is stored. */
export const CreatedInvitation = Invitation.extend({ token: z.string(), acceptPath: z.string() });

export const InvitationPreview = z.object({
  email: z.string(),
  organizationName: z.string(),
  facilityNames: z.array(z.string()),
  /** The role granted in each facility, so the invitee sees what they are asked to take on. */
  facilities: z.array(z.object({ name: z.string(), role: FacilityRole })),
  organizationRole: OrganizationRole.nullable(),
  existingUser: z.boolean(),
  expiresAt: z.string(),
});
export const AcceptInvitationRequest = z.strictObject({ name: PersonName.optional(), password: Password.optional() });
