import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { useApiErrorHandler } from '../api/errors';
import { useSignedOut } from '../auth/session';

/** For the forced steps, which have no app header: someone on a shared PC may want to leave. */
export function SignOutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signedOut = useSignedOut();
  const onError = useApiErrorHandler();
  const signOut = async () => {
    try {
      await api('/auth/logout', { method: 'POST' });
    } catch (error) {
      onError(error);
      return;
    }
    signedOut();
    navigate('/login');
  };
  return (
    <Button variant="subtle" color="gray" size="xs" w="fit-content" onClick={() => void signOut()}>
      {t('layout.signOutHere')}
    </Button>
  );
}
