import { useCan } from '../auth/actor';
import { useFacility } from '../facilities/queries';

/** What the signed-in person may do with one facility's ledgers (the server decides again). */
export function useLedgerAccess(facilityId: string) {
  const facility = useFacility(facilityId);
  const allowed = useCan();
  const organizationId = facility.data?.organizationId;
  const scope = organizationId ? ({ kind: 'facility', organizationId, facilityId } as const) : null;
  return {
    facility,
    canRead: !!scope && allowed('ledger.read', scope),
    canEdit: !!scope && allowed('ledger.edit', scope),
    canReview: !!scope && allowed('ledger.review', scope),
  };
}
