import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/ErrorAlert';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import type { AccessLogAccess } from './access';

/** Loading, load failure and "not allowed" of an access log page, so each page only draws its content. */
export function AccessLogGate({ access, children }: { access: AccessLogAccess; children: ReactNode }) {
  const { t } = useTranslation();
  if (access.facility.isLoading) return <FullPageLoader />;
  if (access.facility.isError) return <ErrorAlert error={access.facility.error} onRetry={() => void access.facility.refetch()} />;
  if (!access.canRead) {
    return (
      <>
        <PageHeader title={t('accessLogs.title')} />
        <Text c="dimmed">{t('accessLogs.notAllowed')}</Text>
      </>
    );
  }
  return <>{children}</>;
}
