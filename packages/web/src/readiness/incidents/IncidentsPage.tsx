import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiErrorHandler } from '../../api/errors';
import { ErrorAlert } from '../../common/ErrorAlert';
import { formatDateTime } from '../../common/format';
import { TableCard } from '../../common/TableCard';
import { FullPageLoader } from '../../layout/FullPageLoader';
import { PageHeader } from '../../layout/PageHeader';
import { useReadinessAccess } from '../access';
import { createIncident, readinessKeys, useContactChart, useIncidents } from '../api';
import { readinessPaths } from '../paths';
import { invalidateReadiness, ReadinessGate } from '../shared';

function StartIncident({ facilityId, hasChart }: { facilityId: string; hasChart: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setError(t('readiness.incidents.titleRequired'));
    setError(null);
    setBusy(true);
    try {
      const incident = await createIncident(facilityId, title.trim());
      queryClient.setQueryData(readinessKeys.incident(facilityId, incident.id), incident);
      await invalidateReadiness(queryClient, facilityId);
      navigate(readinessPaths.incident(facilityId, incident.id));
    } catch (e) {
      handleError(e, { setFieldError: (_path, message) => setError(message) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={(e: React.FormEvent) => void submit(e)} noValidate aria-labelledby="incident-start">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="incident-start">
          {t('readiness.incidents.startTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('readiness.incidents.startHint')}
        </Text>
        {!hasChart && (
          <Alert color="orange" variant="light">
            <Text size="sm">
              {t('readiness.incidents.noChart')}{' '}
              <Anchor component={Link} to={readinessPaths.contacts(facilityId)} size="sm">
                {t('readiness.incidents.openChart')}
              </Anchor>
            </Text>
          </Alert>
        )}
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('readiness.incidents.titleLabel')}
            placeholder={t('readiness.incidents.titlePlaceholder')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={error}
            maxLength={200}
            style={{ flex: '1 1 360px' }}
          />
          <Button type="submit" color="red" loading={busy} mt={25}>
            {t('readiness.incidents.start')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** インシデント記録: what happened and how it was handled; a new one starts from the contact chart. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const { facilityId = '' } = useParams();
  const access = useReadinessAccess(facilityId);
  const incidents = useIncidents(facilityId, access.canRead);
  const chart = useContactChart(facilityId, access.canRead && access.canOperate);
  const list = incidents.data ?? [];
  const open = list.filter((i) => i.status === 'open');

  return (
    <ReadinessGate access={access} title={t('readiness.incidents.title')}>
      <PageHeader title={t('readiness.incidents.title')} description={t('readiness.incidents.description')} />
      <Stack gap="lg">
        {open.length > 0 && (
          <Alert color="red" title={t('readiness.incidents.openNow', { count: open.length })}>
            <Stack gap={4}>
              {open.map((i) => (
                <Anchor key={i.id} component={Link} to={readinessPaths.incident(facilityId, i.id)} size="sm" fw={600}>
                  {i.title}
                </Anchor>
              ))}
            </Stack>
          </Alert>
        )}
        {access.canOperate && <StartIncident facilityId={facilityId} hasChart={chart.isLoading || !!chart.data?.chartVersion} />}
        <Stack gap="sm" component="section" aria-labelledby="incident-list">
          <Title order={2} fz="h4" id="incident-list">
            {t('readiness.incidents.listTitle')}
          </Title>
          {incidents.isLoading && <FullPageLoader />}
          {incidents.isError && <ErrorAlert error={incidents.error} onRetry={() => void incidents.refetch()} />}
          {incidents.data && (
            <TableCard
              label={t('readiness.incidents.listTitle')}
              minWidth={600}
              empty={t('readiness.incidents.none')}
              columns={[
                t('readiness.incidents.titleColumn'),
                t('readiness.incidents.status'),
                t('readiness.incidents.startedAt'),
                t('readiness.incidents.closedAt'),
              ]}
              rows={list}
              renderRow={(i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component={Link} to={readinessPaths.incident(facilityId, i.id)} size="sm" fw={600}>
                      {i.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={i.status === 'open' ? 'red' : 'gray'} variant={i.status === 'open' ? 'filled' : 'light'}>
                      {t(`readiness.incidents.statuses.${i.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(i.startedAt)}</Table.Td>
                  <Table.Td>{i.closedAt ? formatDateTime(i.closedAt) : '—'}</Table.Td>
                </Table.Tr>
              )}
            />
          )}
        </Stack>
      </Stack>
    </ReadinessGate>
  );
}
