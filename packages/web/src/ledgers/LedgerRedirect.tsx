import type { LedgerKind } from '@mamori/domain';
import { Navigate, useLocation, useParams } from 'react-router';
import { useCurrentFacility } from '../facilities/CurrentFacility';
import { FullPageLoader } from '../layout/FullPageLoader';
import { NotFoundPage } from '../layout/NotFoundPage';
import { ledgerPaths } from './records';

/** Short links (/ledgers/accounts?open=…, /facilities/:id/assets) open the ledger of the facility in view. */
export function LedgerRedirect({ ledger }: { ledger: LedgerKind }) {
  const { facilityId } = useParams();
  const { search } = useLocation();
  const { current, loading } = useCurrentFacility();
  const target = facilityId ?? current?.id;
  if (!target) return loading ? <FullPageLoader /> : <NotFoundPage />;
  return <Navigate to={`${ledgerPaths.list(target, ledger)}${search}`} replace />;
}
