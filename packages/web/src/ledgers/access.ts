import { useFacilityPermissions } from '../facilities/access';

/** What the signed-in person may do with one facility's ledgers (the server decides again). */
export function useLedgerAccess(facilityId: string) {
  const { facility, may } = useFacilityPermissions(facilityId);
  return {
    facility,
    canRead: may('ledger.read'),
    canEdit: may('ledger.edit'),
    canReview: may('ledger.review'),
  };
}
