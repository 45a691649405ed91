import { useFacilityPermissions } from '../facilities/access';

/**
 * What the signed-in person may do with one facility's incident readiness (the server decides again):
 * read — every facility role; plan — the chart and the BCP (manager, planner);
 * operate — backups, restore tests and incident records (manager, planner, operator).
 */
export function useReadinessAccess(facilityId: string) {
  const { facility, may } = useFacilityPermissions(facilityId);
  return {
    facility,
    canRead: may('readiness.read'),
    canPlan: may('readiness.plan'),
    canOperate: may('readiness.operate'),
  };
}
