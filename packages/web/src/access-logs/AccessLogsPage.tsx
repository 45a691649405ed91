import { useState } from 'react';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../common/ErrorAlert';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { AboutAccessLogs } from './AboutAccessLogs';
import { AccessLogGate } from './AccessLogGate';
import { useAccessLogAccess } from './access';
import { AddSourceModal } from './AddSourceModal';
import { AlertList } from './AlertList';
import { AlertSettingsPanel } from './AlertSettingsPanel';
import { useLogAlerts, useLogIntegrity, useLogSources, type LogSourceWithToken } from './api';
import { SourcesTable } from './SourcesTable';
import { TokenModal } from './TokenModal';

/** アクセスログ (2(6)): the facility's log sources, their alerts and the thresholds. */
export function AccessLogsPage() {
  const { t } = useTranslation();
  const { facilityId = '' } = useParams();
  const access = useAccessLogAccess(facilityId);
  const sources = useLogSources(facilityId, access.canRead);
  const integrity = useLogIntegrity(facilityId, access.canRead && (sources.data?.length ?? 0) > 0);
  const alerts = useLogAlerts(facilityId, null, access.canRead);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<LogSourceWithToken | null>(null);
  const list = sources.data ?? [];
  const addButton = access.canManage && <Button onClick={() => setAdding(true)}>{t('accessLogs.add.button')}</Button>;

  return (
    <AccessLogGate access={access}>
      <PageHeader title={t('accessLogs.title')} description={t('accessLogs.description')} actions={list.length > 0 && addButton} />
      <Stack gap="lg">
        {/* Open at first for a facility with no source yet, folded once there is one. */}
        {sources.data && <AboutAccessLogs defaultOpen={list.length === 0} />}
        {sources.isLoading && <FullPageLoader />}
        {sources.isError && <ErrorAlert error={sources.error} onRetry={() => void sources.refetch()} />}
        {sources.data && list.length === 0 && (
          <Paper withBorder radius="md" p="xl">
            <Stack gap="sm" align="flex-start">
              <Text fw={700}>{t('accessLogs.empty.title')}</Text>
              <Text c="dimmed" maw={720}>
                {t('accessLogs.empty.body')}
              </Text>
              {addButton}
            </Stack>
          </Paper>
        )}
        {list.length > 0 && (
          <Stack gap="sm" component="section" aria-labelledby="log-sources-title">
            <Title order={2} fz="h4" id="log-sources-title">
              {t('accessLogs.sources.title')}
            </Title>
            <SourcesTable facilityId={facilityId} sources={list} checks={integrity.data} />
            {integrity.isError && <ErrorAlert error={integrity.error} onRetry={() => void integrity.refetch()} />}
          </Stack>
        )}
        {list.length > 0 && (
          <Stack gap="sm" component="section" aria-labelledby="log-alerts-title">
            <Title order={2} fz="h4" id="log-alerts-title">
              {t('accessLogs.alerts.title')}
            </Title>
            <Text size="sm" c="dimmed" maw={720}>
              {t('accessLogs.alerts.description')}
            </Text>
            {alerts.isError && <ErrorAlert error={alerts.error} onRetry={() => void alerts.refetch()} />}
            {alerts.data && <AlertList facilityId={facilityId} alerts={alerts.data} showSource />}
          </Stack>
        )}
        <AlertSettingsPanel facilityId={facilityId} canManage={access.canManage} />
      </Stack>
      <AddSourceModal
        facilityId={facilityId}
        opened={adding}
        canReadLedgers={access.canReadAssets}
        onClose={() => setAdding(false)}
        onCreated={(result) => {
          setAdding(false);
          setCreated(result);
        }}
      />
      <TokenModal sourceName={created?.source.name ?? ''} token={created?.token ?? null} onClose={() => setCreated(null)} />
    </AccessLogGate>
  );
}
