import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
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
        await api(everywhere ? '/auth/logout-all' : '/auth/logout', { method: 'POST' });
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
