import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { useApiErrorHandler } from '../api/errors';
import { useSession, useSignedOut } from '../auth/session';

export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const signedOut = useSignedOut();
  const onError = useApiErrorHandler();

  const signOut = async (everywhere: boolean) => {
    try {
      await api(everywhere ? '/auth/logout-all' : '/auth/logout', { method: 'POST' });
    } catch (error) {
      onError(error);
      return;
    }
    signedOut();
    navigate('/login');
  };

  if (!session) return null;
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <Button variant="subtle" color="gray" size="sm" aria-label={t('layout.userMenu')}>
          {session.user.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.user.email}</Menu.Label>
        <Menu.Item onClick={() => navigate('/account')}>{t('layout.accountSettings')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void signOut(false)}>{t('layout.signOut')}</Menu.Item>
        <Menu.Item onClick={() => void signOut(true)}>{t('layout.signOutEverywhere')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
