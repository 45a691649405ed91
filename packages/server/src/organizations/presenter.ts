import type { FacilityRole, Organization, OrganizationMember, OrganizationRole } from '@mamori/domain';
import type { z } from 'zod';
import type { OrganizationRow } from '../tenancy/scope.js';
import type { OrganizationMemberRow } from './queries.js';

export const presentOrganization = (row: OrganizationRow): Organization => ({
  id: row.id,
  name: row.name,
  requireTotp: row.requireTotp,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
});

export const presentOrganizationMember = (member: OrganizationMemberRow): z.infer<typeof OrganizationMember> => ({
  ...member,
  organizationRole: member.organizationRole as OrganizationRole | null,
  facilities: member.facilities.map((f) => ({ facilityId: f.facilityId, role: f.role as FacilityRole })),
});
