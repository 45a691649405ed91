import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { setUnauthorizedHandler } from '../api/client';
import { ErrorAlert } from '../common/ErrorAlert';
import { FullPageLoader } from '../layout/FullPageLoader';
import { storeSession, useSetupStatus } from './session';

/** Root of every route: a fresh install goes to /setup, and an ended session goes back to sign-in. */
export function SetupGate() {
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  const setup = useSetupStatus();

  useEffect(() => {
    // RequireAuth sees the missing session and redirects with ?next= so the user returns here.
    setUnauthorizedHandler(() => storeSession(queryClient, null));
  }, [queryClient]);

  if (setup.isLoading) return <FullPageLoader />;
  if (setup.isError) {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={setup.error} onRetry={() => void setup.refetch()} />
      </Container>
    );
  }
  const needsSetup = setup.data?.needsSetup ?? false;
  if (needsSetup && pathname !== '/setup') return <Navigate to="/setup" replace />;
  if (!needsSetup && pathname === '/setup') return <Navigate to="/" replace />;
  return <Outlet />;
}
