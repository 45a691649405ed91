import { Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { daysBetween, fiscalYearOf, fiscalYearRange, todayInTokyo } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ReadinessBadge } from '../checklist/ChecklistListPage';
import { formatDay } from '../checklist/dates';
import { fyName } from '../checklist/problems';
import { ownForms, useAssessments } from '../checklist/queries';
import { useSummary } from '../checklist/summary';

/** This fiscal year's checklist at a glance: how far along, what is open, how long is left. */
export function ChecklistCard({ facilityId, canCreate, canAnswer }: { facilityId: string; canCreate: boolean; canAnswer: boolean }) {
  const { t, i18n } = useTranslation();
  const today = todayInTokyo();
  const fy = fiscalYearOf(today);
  const end = fiscalYearRange(fy).end;
  const list = useAssessments(facilityId);
  const current = ownForms(list.data).find((a) => a.fiscalYear === fy);
  const { summary: s, loading } = useSummary(current?.id);
  const days = daysBetween(today, end);
  const base = `/facilities/${facilityId}/checklist`;

  const stat = (label: string, value: string, color?: string) => (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={700}>
        {label}
      </Text>
      <Text fw={700} fz="lg" c={color}>
        {value}
      </Text>
    </Stack>
  );

  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} fz="h4">
          {t('dashboard.checklist.title', { fy: fyName(fy, i18n.language) })}
        </Title>
        {s && <ReadinessBadge ready={s.ready} blocking={s.blocking} />}
      </Group>
      <Text size="sm" mb="md">
        {t('dashboard.checklist.daysLeft', { end: formatDay(end), days })}
      </Text>
      {list.isLoading || loading ? (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      ) : !current ? (
        <Stack gap="sm" align="flex-start">
          <Text size="sm" c="dimmed">
            {t('dashboard.checklist.notStarted')}
          </Text>
          <Button component={Link} to={base} size="sm">
            {canCreate ? t('checklist.list.start') : t('dashboard.checklist.open')}
          </Button>
        </Stack>
      ) : s ? (
        <Stack gap="md">
          <Stack gap={4}>
            <Text size="sm">
              {s.gate === 'no' ? t('checklist.list.gateNo') : t('checklist.readiness.requiredDone', { done: s.requiredDone, total: s.requiredTotal })}
            </Text>
            <Progress
              value={s.requiredTotal ? (s.requiredDone / s.requiredTotal) * 100 : 0}
              color={s.ready ? 'teal' : 'orange'}
              aria-label={t('checklist.readiness.progress')}
            />
          </Stack>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {stat(t('dashboard.checklist.required'), `${s.requiredDone} / ${s.requiredTotal}`)}
            {stat(t('dashboard.checklist.noWithTarget'), String(s.noWithTarget), s.noWithTarget ? 'orange.8' : undefined)}
            {stat(t('dashboard.checklist.overdue'), String(s.overdue), s.overdue ? 'red.8' : undefined)}
            {stat(t('dashboard.checklist.problems'), String(s.blocking), s.blocking ? 'red.8' : 'teal.8')}
          </SimpleGrid>
          {s.nextTarget && (
            <Text size="sm" c="dimmed">
              {t('dashboard.checklist.nextTarget', { date: formatDay(s.nextTarget) })}
            </Text>
          )}
          <Group>
            <Button component={Link} to={`${base}/${current.id}`} size="sm">
              {/* Someone who only reads (a viewer, an inspector) opens it; "continue" would promise input they cannot make. */}
              {canAnswer ? t('dashboard.checklist.continue') : t('dashboard.checklist.open')}
            </Button>
            <Anchor component={Link} to={base} size="sm">
              {t('dashboard.checklist.allYears')}
            </Anchor>
          </Group>
        </Stack>
      ) : null}
    </Paper>
  );
}

/** For the next-steps list: done when this year's form would pass an inspection. */
export function useChecklistReady(facilityId: string | undefined): boolean {
  const fy = fiscalYearOf(todayInTokyo());
  const list = useAssessments(facilityId);
  const current = ownForms(list.data).find((a) => a.fiscalYear === fy);
  return !!useSummary(current?.id).summary?.ready;
}
