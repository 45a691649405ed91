import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../account/ChangePasswordForm';
import { PublicLayout } from '../layout/PublicLayout';
import { SignOutButton } from '../layout/SignOutButton';
import { useRefreshSession } from './session';

export function ForcePasswordChangePage() {
  const { t } = useTranslation();
  const refresh = useRefreshSession();
  return (
    <PublicLayout title={t('forcePassword.title')}>
      <Text size="sm">{t('forcePassword.intro')}</Text>
      <ChangePasswordForm onChanged={() => void refresh()} />
      <SignOutButton />
    </PublicLayout>
  );
}
