import type { InspectionGrant, Inspector, InspectorAccount } from '@mamori/domain';
import type { GrantListing, InspectorAccountListing, InspectorListing } from './queries.js';

export const presentInspector = (row: InspectorListing): Inspector => ({
  id: row.id,
  email: row.email,
  name: row.name,
  prefecture: row.prefecture,
  healthCenter: row.healthCenter,
  createdAt: row.createdAt.toISOString(),
});

export const presentInspectorAccount = (row: InspectorAccountListing): InspectorAccount => ({
  ...presentInspector(row),
  grantedFacilities: row.grantedFacilities,
  disabledAt: row.disabledAt?.toISOString() ?? null,
});

export const presentInspectionGrant = (row: GrantListing): InspectionGrant => ({
  id: row.id,
  facilityId: row.facilityId,
  inspector: row.inspector,
  grantedAt: row.grantedAt.toISOString(),
});
