import type { ReactNode } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { defaultFindingThresholds, restoreTestDue, todayInTokyo } from '@mamori/domain';
import { useFindingSettings } from '../ledgers/api';
import { Link, useParams } from 'react-router';
import { formatDay } from '../checklist/dates';
import { PageHeader } from '../layout/PageHeader';
import { useReadinessAccess } from './access';
import { useBackupPlans, useBcp, useContactChart, useIncidents } from './api';
import { sortedTests } from './backups/sort';
import { readinessPaths } from './paths';
import { ReadinessGate } from './shared';

function Card({
  title,
  badge,
  to,
  status,
  ok,
  body,
  action,
}: {
  title: string;
  badge: string;
  to: string;
  status: ReactNode;
  ok: boolean | null;
  body: string;
  action: string;
}) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={title}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} fz="h4">
            {title}
          </Title>
          <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
            {badge}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {body}
        </Text>
        <Text size="sm" fw={600} c={ok === null ? 'dimmed' : ok ? 'teal.8' : 'orange.8'}>
          {status}
        </Text>
        <Group>
          <Button component={Link} to={to} variant="light">
            {action}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** インシデント対応: the four things the inspector asks about under 3, and where each one stands. */
export function ReadinessOverviewPage() {
  const { t } = useTranslation();
  const { facilityId = '' } = useParams();
  const access = useReadinessAccess(facilityId);
  const chart = useContactChart(facilityId, access.canRead);
  const plans = useBackupPlans(facilityId, access.canRead);
  const settings = useFindingSettings(facilityId);
  const bcp = useBcp(facilityId, access.canRead);
  const incidents = useIncidents(facilityId, access.canRead);

  const loading = t('common.loading');
  const chartStatus = chart.data
    ? chart.data.chartVersion
      ? t('readiness.overview.chartSaved', { version: chart.data.chartVersion, count: chart.data.entries.length })
      : t('readiness.overview.chartNone')
    : loading;
  const planList = plans.data ?? [];
  const untested = planList.filter((p) => sortedTests(p.restoreTests)[0]?.result !== 'success').length;
  const restoreMonths = settings.data?.restoreTestMonths ?? defaultFindingThresholds.restoreTestMonths;
  const due = planList.filter((p) => restoreTestDue(p.restoreTests, restoreMonths, todayInTokyo()).overdue).length;
  const backupStatus = plans.data
    ? planList.length === 0
      ? t('readiness.overview.backupsNone')
      : due > 0 && untested === 0
        ? t('readiness.overview.backupsDue', { count: due })
        : untested > 0
          ? t('readiness.overview.backupsUntested', { count: planList.length, untested })
          : t('readiness.overview.backupsTested', { count: planList.length })
    : loading;
  const lastRecord = [...(bcp.data?.records ?? [])].sort((a, b) => (a.heldOn < b.heldOn ? 1 : -1))[0];
  const bcpStatus = bcp.data
    ? bcp.data.version === null && bcp.data.documents.length === 0
      ? t('readiness.overview.bcpNone')
      : lastRecord
        ? t('readiness.overview.bcpReviewed', { date: formatDay(lastRecord.heldOn) })
        : t('readiness.overview.bcpNotReviewed')
    : loading;
  const open = (incidents.data ?? []).filter((i) => i.status === 'open').length;
  const incidentStatus = incidents.data
    ? open > 0
      ? t('readiness.overview.incidentsOpen', { count: open })
      : t('readiness.overview.incidentsNone', { count: incidents.data.length })
    : loading;

  return (
    <ReadinessGate access={access} title={t('readiness.overview.title')}>
      <PageHeader title={t('readiness.overview.title')} description={t('readiness.overview.description')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card
          title={t('readiness.contacts.title')}
          badge={t('readiness.overview.item', { item: '3(1)' })}
          to={readinessPaths.contacts(facilityId)}
          status={chartStatus}
          ok={chart.data ? chart.data.chartVersion !== null : null}
          body={t('readiness.overview.chartBody')}
          action={t('readiness.overview.open', { page: t('readiness.contacts.title') })}
        />
        <Card
          title={t('readiness.backups.title')}
          badge={t('readiness.overview.item', { item: '3(2)' })}
          to={readinessPaths.backups(facilityId)}
          status={backupStatus}
          ok={plans.data ? planList.length > 0 && untested === 0 : null}
          body={t('readiness.overview.backupsBody')}
          action={t('readiness.overview.open', { page: t('readiness.backups.title') })}
        />
        <Card
          title={t('readiness.bcp.title')}
          badge={t('readiness.overview.item', { item: '3(3)' })}
          to={readinessPaths.bcp(facilityId)}
          status={bcpStatus}
          ok={bcp.data ? (bcp.data.version !== null || bcp.data.documents.length > 0) && !!lastRecord : null}
          body={t('readiness.overview.bcpBody')}
          action={t('readiness.overview.open', { page: t('readiness.bcp.title') })}
        />
        <Card
          title={t('readiness.incidents.title')}
          badge={t('readiness.overview.whenItHappens')}
          to={readinessPaths.incidents(facilityId)}
          status={incidentStatus}
          ok={incidents.data ? (open > 0 ? false : null) : null}
          body={t('readiness.overview.incidentsBody')}
          action={t('readiness.overview.open', { page: t('readiness.incidents.title') })}
        />
      </SimpleGrid>
    </ReadinessGate>
  );
}
