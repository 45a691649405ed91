import { Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../common/ErrorAlert';
import { FullPageLoader } from '../layout/FullPageLoader';
import { ForcePasswordChangePage } from './ForcePasswordChangePage';
import { ForceTotpEnrollPage } from './ForceTotpEnrollPage';
import { signedOutOnPurpose, useSession } from './session';

export function RequireAuth() {
  const location = useLocation();
  const session = useSession();

  if (session.isLoading) return <FullPageLoader />;
  if (session.isError) {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </Container>
    );
  }
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' || signedOutOnPurpose() ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // The server refuses other calls until these are done, so nothing else is shown.
  if (session.data.user.mustChangePassword) return <ForcePasswordChangePage />;
  if (session.data.user.mustEnrollTotp) return <ForceTotpEnrollPage />;
  return <Outlet />;
}
