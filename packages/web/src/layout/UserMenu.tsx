import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { useSignOut } from '../auth/useSignOut';

export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const signOut = useSignOut();

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
