import { useCan } from '../auth/actor';
import { useFacility } from '../facilities/queries';

/**
 * What the signed-in person may do with one facility's incident readiness (the server decides again):
 * read — every facility role; plan — the chart and the BCP (manager, planner);
 * operate — backups, restore tests and incident records (manager, planner, operator).
 */
export function useReadinessAccess(facilityId: string) {
  const facility = useFacility(facilityId);
  const allowed = useCan();
  const organizationId = facility.data?.organizationId;
  const scope = organizationId ? ({ kind: 'facility', organizationId, facilityId } as const) : null;
  return {
    facility,
    canRead: !!scope && allowed('readiness.read', scope),
    canPlan: !!scope && allowed('readiness.plan', scope),
    canOperate: !!scope && allowed('readiness.operate', scope),
  };
}
