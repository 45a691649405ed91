import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { showSuccess } from '../api/errors';
import { TotpEnrollment } from '../account/TotpEnrollment';
import { PublicLayout } from '../layout/PublicLayout';
import { SignOutButton } from '../layout/SignOutButton';
import { useRefreshSession } from './session';

export function ForceTotpEnrollPage() {
  const { t } = useTranslation();
  const refresh = useRefreshSession();
  return (
    <PublicLayout title={t('forceTotp.title')} width={620}>
      <Text size="sm">{t('forceTotp.intro')}</Text>
      <TotpEnrollment
        onEnabled={() => {
          showSuccess(t('totp.enabled'));
          void refresh();
        }}
      />
      <SignOutButton />
    </PublicLayout>
  );
}
