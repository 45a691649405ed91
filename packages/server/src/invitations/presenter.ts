import type { FacilityRole, OrganizationRole } from '@mamori/domain';
import type { invitations } from '../db/schema.js';

export type InvitationRow = typeof invitations.$inferSelect;

export const presentInvitation = (row: InvitationRow) => ({
  id: row.id,
  organizationId: row.organizationId,
  email: row.email,
  organizationRole: row.organizationRole as OrganizationRole | null,
  facilityRoles: row.facilityRoles.map((f) => ({ facilityId: f.facilityId, role: f.role as FacilityRole })),
  expiresAt: row.expiresAt.toISOString(),
  acceptedAt: row.acceptedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});
