import { useEffect, useState } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { defaultFindingThresholds, restoreTestDue, todayInTokyo } from '@mamori/domain';
import { useFindingSettings } from '../../ledgers/api';
import { useLocation, useParams } from 'react-router';
import { formatDay } from '../../checklist/dates';
import { DeleteAction } from '../../common/DeleteAction';
import { ErrorAlert } from '../../common/ErrorAlert';
import { FullPageLoader } from '../../layout/FullPageLoader';
import { PageHeader } from '../../layout/PageHeader';
import { useReadinessAccess } from '../access';
import { deleteBackupPlan, deleteRestoreTest, useBackupPlans, type BackupPlanView, type RestoreTestView } from '../api';
import { invalidateReadiness, ReadinessGate } from '../shared';
import { PlanDrawer } from './PlanDrawer';
import { RestoreTestModal } from './RestoreTestModal';
import { sortedTests } from './sort';
import { Fact } from '../../common/Fact';

const resultColor = { success: 'teal', partial: 'yellow', failure: 'red' } as const;

/** 「最後の復旧確認: 令和8年5月1日 成功」 and when the next one is due — the in-app reminder. */
function RestoreStatus({ plan, months }: { plan: BackupPlanView; months: number }) {
  const { t } = useTranslation();
  const last = sortedTests(plan.restoreTests)[0];
  const due = restoreTestDue(plan.restoreTests, months, todayInTokyo());
  const reminder = (
    <Text size="xs" c={due.overdue ? 'red.8' : 'dimmed'} data-testid={`restore-due-${plan.id}`}>
      {due.dueOn === null
        ? t('readiness.restore.overdueNever')
        : due.overdue
          ? t('readiness.restore.overdueOn', { date: formatDay(due.dueOn) })
          : t('readiness.restore.dueOn', { date: formatDay(due.dueOn) })}
    </Text>
  );
  if (!last) {
    return (
      <>
        <Text size="sm" c="orange.8" fw={600} data-testid={`restore-status-${plan.id}`}>
          {t('readiness.restore.none')}
        </Text>
        {reminder}
      </>
    );
  }
  return (
    <>
      <Text
        size="sm"
        fw={600}
        c={last.result === 'success' ? 'teal.8' : last.result === 'partial' ? 'yellow.9' : 'red.8'}
        data-testid={`restore-status-${plan.id}`}
      >
        {t('readiness.restore.last', { date: formatDay(last.testedOn), result: t(`readiness.restore.results.${last.result}`) })}
      </Text>
      {reminder}
    </>
  );
}

function DeletePlan({ facilityId, plan }: { facilityId: string; plan: BackupPlanView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <DeleteAction
      label={t('readiness.backups.deleteOf', { system: plan.system })}
      message={t('readiness.backups.deleteConfirm', { system: plan.system, count: plan.restoreTests.length })}
      success={t('readiness.backups.deleted', { system: plan.system })}
      action={async () => {
        await deleteBackupPlan(plan.id, plan.version);
        await invalidateReadiness(queryClient, facilityId);
      }}
      maw={320}
    />
  );
}

function DeleteTest({ facilityId, plan, test }: { facilityId: string; plan: BackupPlanView; test: RestoreTestView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const date = formatDay(test.testedOn);
  return (
    <DeleteAction
      label={t('readiness.restore.deleteOf', { system: plan.system, date })}
      message={t('readiness.restore.deleteConfirm', { date })}
      success={t('readiness.restore.deleted', { date })}
      action={async () => {
        await deleteRestoreTest(test.id);
        await invalidateReadiness(queryClient, facilityId);
      }}
    />
  );
}

function PlanCard({
  facilityId,
  plan,
  canEdit,
  highlighted,
  onEdit,
  onTest,
}: {
  facilityId: string;
  plan: BackupPlanView;
  canEdit: boolean;
  highlighted: boolean;
  onEdit: () => void;
  onTest: () => void;
}) {
  const months = useFindingSettings(facilityId).data?.restoreTestMonths ?? defaultFindingThresholds.restoreTestMonths;
  const { t } = useTranslation();
  const tests = sortedTests(plan.restoreTests);
  const headingId = `plan-${plan.id}-title`;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      id={`plan-${plan.id}`}
      component="section"
      aria-labelledby={headingId}
      style={highlighted ? { outline: '2px solid var(--mantine-color-teal-5)', scrollMarginTop: 80 } : { scrollMarginTop: 80 }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Title order={3} fz="h5" id={headingId}>
              {plan.system}
            </Title>
            {plan.data && (
              <Text size="sm" c="dimmed">
                {plan.data}
              </Text>
            )}
          </Stack>
          {canEdit && (
            <Group gap="xs">
              <Button size="xs" onClick={onTest} aria-label={t('readiness.restore.addOf', { system: plan.system })}>
                {t('readiness.restore.add')}
              </Button>
              <Button size="xs" variant="default" onClick={onEdit} aria-label={t('readiness.backups.editOf', { system: plan.system })}>
                {t('common.edit')}
              </Button>
              <DeletePlan facilityId={facilityId} plan={plan} />
            </Group>
          )}
        </Group>
        <RestoreStatus plan={plan} months={months} />
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
          <Fact label={t('readiness.backups.fields.method')}>{t(`readiness.backups.methods.${plan.method}`)}</Fact>
          <Fact label={t('readiness.backups.fields.frequency')}>{plan.frequency || '—'}</Fact>
          <Fact label={t('readiness.backups.fields.generations')}>
            <Group gap={6}>
              <span>{t('readiness.backups.generationsValue', { count: plan.generations })}</span>
              {plan.generations < 3 && (
                <Badge size="xs" color="orange" variant="light">
                  {t('readiness.backups.fewBadge')}
                </Badge>
              )}
            </Group>
          </Fact>
          <Fact label={t('readiness.backups.fields.location')}>{plan.location || '—'}</Fact>
          <Fact label={t('readiness.backups.protection')}>
            <Group gap={4}>
              <Badge size="sm" variant={plan.offline ? 'filled' : 'outline'} color={plan.offline ? 'teal' : 'gray'}>
                {plan.offline ? t('readiness.backups.offlineYes') : t('readiness.backups.offlineNo')}
              </Badge>
              <Badge size="sm" variant={plan.immutable ? 'filled' : 'outline'} color={plan.immutable ? 'teal' : 'gray'}>
                {plan.immutable ? t('readiness.backups.immutableYes') : t('readiness.backups.immutableNo')}
              </Badge>
            </Group>
          </Fact>
        </SimpleGrid>
        {plan.restoreProcedure && (
          <Fact label={t('readiness.backups.fields.restoreProcedure')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {plan.restoreProcedure}
            </Text>
          </Fact>
        )}
        {tests.length > 0 && (
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing={4} fz="sm" aria-label={t('readiness.restore.historyOf', { system: plan.system })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('readiness.restore.testedOn')}</Table.Th>
                  <Table.Th>{t('readiness.restore.result')}</Table.Th>
                  <Table.Th>{t('readiness.restore.minutesShort')}</Table.Th>
                  <Table.Th>{t('readiness.restore.testedBy')}</Table.Th>
                  <Table.Th>{t('readiness.restore.notes')}</Table.Th>
                  {canEdit && <Table.Th>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tests.map((test) => (
                  <Table.Tr key={test.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(test.testedOn)}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" color={resultColor[test.result]} variant="light">
                        {t(`readiness.restore.results.${test.result}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{test.minutesToRestore === null ? '—' : t('readiness.restore.minutesValue', { count: test.minutesToRestore })}</Table.Td>
                    <Table.Td>{test.testedBy}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{test.notes || '—'}</Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <DeleteTest facilityId={facilityId} plan={plan} test={test} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

/** バックアップ: each backup with its protection and the restore tests that prove it works (3(2)). */
export function BackupsPage() {
  const { t } = useTranslation();
  const { facilityId = '' } = useParams();
  const { hash } = useLocation();
  const access = useReadinessAccess(facilityId);
  const plans = useBackupPlans(facilityId, access.canRead);
  const [editing, setEditing] = useState<BackupPlanView | 'new' | null>(null);
  const [testing, setTesting] = useState<BackupPlanView | null>(null);
  const target = hash.startsWith('#plan-') ? decodeURIComponent(hash.slice('#plan-'.length)) : null;

  // Links from a checklist suggestion (…/backups#plan-<id>) land on that plan once the list is there.
  useEffect(() => {
    if (!target || !plans.data) return;
    document.getElementById(`plan-${target}`)?.scrollIntoView({ block: 'start' });
  }, [target, plans.data]);

  const list = plans.data ?? [];
  const current = editing && editing !== 'new' ? (list.find((p) => p.id === editing.id) ?? editing) : null;
  return (
    <ReadinessGate access={access} title={t('readiness.backups.title')}>
      <PageHeader
        title={t('readiness.backups.title')}
        description={t('readiness.backups.description')}
        actions={access.canOperate && list.length > 0 && <Button onClick={() => setEditing('new')}>{t('readiness.backups.add')}</Button>}
      />
      <Stack gap="md">
        {plans.isLoading && <FullPageLoader />}
        {plans.isError && <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />}
        {plans.data && list.length === 0 && (
          <Paper withBorder radius="md" p="xl">
            <Stack gap="sm" align="flex-start">
              <Text fw={700}>{t('readiness.backups.emptyTitle')}</Text>
              <Text c="dimmed" maw={720}>
                {t('readiness.backups.emptyBody')}
              </Text>
              {access.canOperate && <Button onClick={() => setEditing('new')}>{t('readiness.backups.add')}</Button>}
            </Stack>
          </Paper>
        )}
        {list.map((plan) => (
          <PlanCard
            key={plan.id}
            facilityId={facilityId}
            plan={plan}
            canEdit={access.canOperate}
            highlighted={plan.id === target}
            onEdit={() => setEditing(plan)}
            onTest={() => setTesting(plan)}
          />
        ))}
        {list.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('readiness.backups.footer')}
          </Text>
        )}
      </Stack>
      <PlanDrawer facilityId={facilityId} plan={current} opened={editing !== null} onClose={() => setEditing(null)} />
      <RestoreTestModal facilityId={facilityId} plan={testing} onClose={() => setTesting(null)} />
    </ReadinessGate>
  );
}
