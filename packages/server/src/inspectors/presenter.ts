import type { InspectionGrant, Inspector } from '@mamori/domain';
import type { GrantListing, InspectorListing } from './queries.js';

export const presentInspector = (row: InspectorListing): Inspector => ({ ...row, createdAt: row.createdAt.toISOString() });

export const presentInspectionGrant = (row: GrantListing): InspectionGrant => ({
  id: row.id,
  facilityId: row.facilityId,
  inspector: row.inspector,
  grantedAt: row.grantedAt.toISOString(),
});
