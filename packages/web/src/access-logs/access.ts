import { useFacilityPermissions } from '../facilities/access';

/**
 * What the signed-in person may do with one facility's access logs (the server decides again): read and ingest —
 * manager, planner, operator (not viewers: the logs name people); manage sources and sign periods off — manager, planner.
 */
export function useAccessLogAccess(facilityId: string) {
  const { facility, may } = useFacilityPermissions(facilityId);
  return {
    facility,
    canRead: may('accessLog.read'),
    canIngest: may('accessLog.ingest'),
    canManage: may('accessLog.manage'),
    canReview: may('accessLog.review'),
    /** The asset select reads the asset ledger. */
    canReadAssets: may('ledger.read'),
  };
}

export type AccessLogAccess = ReturnType<typeof useAccessLogAccess>;
