import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../common/ErrorAlert';
import { FullPageLoader } from '../../layout/FullPageLoader';
import { PageHeader } from '../../layout/PageHeader';
import { useLedgerAccess } from '../access';
import { useEndOfLife, useFindingSettings } from '../api';
import { EndOfLifeTable } from './EndOfLifeTable';
import { ThresholdsForm } from './ThresholdsForm';

/** 台帳の設定: how strict the suggestions are, and when operating systems stop getting updates. */
export function LedgerSettingsPage() {
  const { t } = useTranslation();
  const { facilityId = '' } = useParams();
  const access = useLedgerAccess(facilityId);
  const settings = useFindingSettings(facilityId);
  const endOfLife = useEndOfLife(facilityId);

  if (access.facility.isLoading) return <FullPageLoader />;
  if (access.facility.isError) return <ErrorAlert error={access.facility.error} onRetry={() => void access.facility.refetch()} />;
  if (!access.canRead) {
    return (
      <>
        <PageHeader title={t('ledgers.settings.title')} />
        <Text c="dimmed">{t('ledgers.notAllowed')}</Text>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('ledgers.settings.title')} description={t('ledgers.settings.description')} />
      <Stack gap="xl">
        <Stack gap="sm" component="section" aria-labelledby="ledger-thresholds">
          <Title order={2} fz="h4" id="ledger-thresholds">
            {t('ledgers.settings.thresholds')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('ledgers.settings.thresholdsHint')}
          </Text>
          <Paper withBorder radius="md" p="md">
            {settings.isLoading && <FullPageLoader />}
            {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
            {settings.data && <ThresholdsForm key={settings.data.version} facilityId={facilityId} settings={settings.data} canEdit={access.canReview} />}
          </Paper>
        </Stack>
        <Stack gap="sm" component="section" aria-labelledby="ledger-eol">
          <Title order={2} fz="h4" id="ledger-eol">
            {t('ledgers.eol.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('ledgers.eol.description')}
          </Text>
          {endOfLife.isLoading && <FullPageLoader />}
          {endOfLife.isError && <ErrorAlert error={endOfLife.error} onRetry={() => void endOfLife.refetch()} />}
          {endOfLife.data && <EndOfLifeTable facilityId={facilityId} entries={endOfLife.data} canEdit={access.canEdit} />}
        </Stack>
      </Stack>
    </>
  );
}
