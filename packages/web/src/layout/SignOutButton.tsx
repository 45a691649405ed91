import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../auth/useSignOut';

/** For the forced steps, which have no app header: someone on a shared PC may want to leave. */
export function SignOutButton() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Button variant="subtle" color="gray" size="xs" w="fit-content" onClick={() => void signOut()}>
      {t('layout.signOutHere')}
    </Button>
  );
}
