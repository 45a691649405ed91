import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { client, request } from '../api/client';
import { useApiErrorHandler } from '../api/errors';
import { useSignedOut } from './session';

/** Signs out this browser, or every session of the account, then goes to the sign-in screen. */
export function useSignOut() {
  const navigate = useNavigate();
  const signedOut = useSignedOut();
  const onError = useApiErrorHandler();
  return useCallback(
    async (everywhere = false) => {
      try {
        await request(client.POST(everywhere ? '/auth/logout-all' : '/auth/logout'));
      } catch (error) {
        onError(error);
        return;
      }
      signedOut();
      navigate('/login');
    },
    [navigate, signedOut, onError],
  );
}
