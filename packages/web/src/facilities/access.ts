import type { Permission } from '@mamori/domain';
import { useCan } from '../auth/actor';
import { useFacility } from './queries';

/**
 * The facility and `may(permission)` for the signed-in person on it (the server decides again);
 * every permission is false until the facility, and so its organisation, is known.
 */
export function useFacilityPermissions(facilityId: string) {
  const facility = useFacility(facilityId);
  const allowed = useCan();
  const organizationId = facility.data?.organizationId;
  const may = (permission: Permission) => !!organizationId && allowed(permission, { kind: 'facility', organizationId, facilityId });
  return { facility, may };
}
