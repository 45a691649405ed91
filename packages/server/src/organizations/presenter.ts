import type { Organization } from '@mamori/domain';
import type { OrganizationRow } from '../tenancy/scope.js';

export const presentOrganization = (row: OrganizationRow): Organization => ({
  id: row.id,
  name: row.name,
  requireTotp: row.requireTotp,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
});
