import { useCallback } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import i18n, { rememberLanguage } from '../i18n';
import { client, isApiError, request, setCsrfToken } from '../api/client';
import type { SessionInfo } from '../api/types';

export const sessionKey = ['session'] as const;
const setupKey = ['setup'] as const;

async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await request(client.GET('/auth/session'));
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => request(client.GET('/setup')),
    staleTime: Infinity,
    retry: 1,
  });
}

/** The account's language wins once someone is signed in: it follows them to any PC. */
function adoptAccountLanguage(session: SessionInfo): void {
  if (session.user.locale !== i18n.language) {
    rememberLanguage(session.user.locale);
    void i18n.changeLanguage(session.user.locale);
  }
}

export function storeSession(queryClient: QueryClient, session: SessionInfo | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  if (session) adoptAccountLanguage(session);
  queryClient.setQueryData(sessionKey, session);
}

/** Call after sign-in, setup or accepting an invitation: everything cached belonged to someone else. */
export function useSignedIn() {
  const queryClient = useQueryClient();
  return useCallback(
    (session: SessionInfo) => {
      leftOnPurpose = false;
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'setup' });
      queryClient.setQueryData(setupKey, { needsSetup: false });
      storeSession(queryClient, session);
    },
    [queryClient],
  );
}

let leftOnPurpose = false;
/** After a deliberate sign-out the next person at this PC should start at the dashboard, not our last page. */
export function signedOutOnPurpose(): boolean {
  return leftOnPurpose;
}

export function useSignedOut() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    leftOnPurpose = true;
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'setup' });
    storeSession(queryClient, null);
  }, [queryClient]);
}

/** Refetches the session after changes that alter memberships or the user's flags. */
export function useRefreshSession() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: sessionKey }), [queryClient]);
}
