import type { Facility, FacilityKind } from '@mamori/domain';
import type { FacilityRow } from '../tenancy/scope.js';

export type ListedFacility = Pick<
  FacilityRow,
  'id' | 'organizationId' | 'name' | 'kind' | 'prefecture' | 'healthCenter' | 'bedCount' | 'version' | 'createdAt'
>;

export const presentFacility = (row: ListedFacility): Facility => ({
  id: row.id,
  organizationId: row.organizationId,
  name: row.name,
  kind: row.kind as FacilityKind,
  prefecture: row.prefecture,
  healthCenter: row.healthCenter,
  bedCount: row.bedCount,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
});
