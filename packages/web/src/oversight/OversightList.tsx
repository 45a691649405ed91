import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableCard } from '../common/TableCard';
import { formatDate } from '../common/format';
import type { OversightFacility } from './api';

const progressColor = { 'not-started': 'gray', 'in-progress': 'orange', ready: 'teal' } as const;

/** Where a click on a facility goes: its checklist of the year if it has one, else its dashboard. */
const facilityPath = (f: OversightFacility) =>
  f.assessmentId ? `/facilities/${f.facilityId}/checklist/${f.assessmentId}` : `/facilities/${f.facilityId}/dashboard`;

function useFacts() {
  const { t } = useTranslation();
  return {
    progress: (f: OversightFacility) => (
      <Badge color={progressColor[f.progress]} variant="light">
        {t(`oversight.progress.${f.progress}`)}
      </Badge>
    ),
    answered: (f: OversightFacility) =>
      f.progress === 'not-started' ? '—' : t('oversight.answered', { answered: f.answeredItems, required: f.requiredItems }),
    problems: (f: OversightFacility) => (f.blockingProblems > 0 ? t('oversight.problems', { count: f.blockingProblems }) : '—'),
    overdue: (f: OversightFacility) =>
      f.overdueItems > 0 ? (
        <Text span c="red" size="sm" fw={600}>
          {t('oversight.overdue', { count: f.overdueItems })}
        </Text>
      ) : f.nextTargetDate ? (
        t('oversight.nextTarget', { date: formatDate(f.nextTargetDate) })
      ) : (
        '—'
      ),
    vendors: (f: OversightFacility) =>
      f.vendorsNotAnswering.length > 0 ? (
        <Text span c="grape" size="sm">
          {f.vendorsNotAnswering.join(t('dashboard.listSeparator'))}
        </Text>
      ) : f.vendorFormsExpected > 0 ? (
        t('oversight.vendorsAllAnswered')
      ) : (
        '—'
      ),
    area: (f: OversightFacility) => [f.prefecture ? t(`prefectures.${f.prefecture}`) : '', f.healthCenter].filter(Boolean).join(' '),
  };
}

/** The facilities of the page: a table on a desk, one card each on a phone. */
export function OversightList({ facilities }: { facilities: readonly OversightFacility[] }) {
  const { t } = useTranslation();
  const facts = useFacts();
  const phone = useMediaQuery('(max-width: 48em)');
  const cellOf = { answered: facts.answered, problems: facts.problems, targets: facts.overdue, vendors: facts.vendors };
  if (facilities.length === 0) return <Text c="dimmed">{t('oversight.none')}</Text>;
  if (phone) {
    return (
      <Stack gap="sm" aria-label={t('oversight.listLabel')}>
        {facilities.map((f) => (
          <Card key={f.facilityId} withBorder radius="md" padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={facilityPath(f)} fw={600}>
                {f.name}
              </Anchor>
              {facts.progress(f)}
            </Group>
            <Text size="xs" c="dimmed">
              {t(`facilityKinds.${f.kind}`)} {facts.area(f)}
            </Text>
            <Stack gap={2} mt="xs">
              {(['answered', 'problems', 'targets', 'vendors'] as const).map((column) => (
                <Text size="sm" key={column}>
                  {t(`oversight.columns.${column}`)}: {cellOf[column](f)}
                </Text>
              ))}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <TableCard
      label={t('oversight.listLabel')}
      minWidth={900}
      columns={[
        t('oversight.columns.facility'),
        t('oversight.columns.progress'),
        t('oversight.columns.answered'),
        t('oversight.columns.problems'),
        t('oversight.columns.targets'),
        t('oversight.columns.vendors'),
      ]}
      rows={facilities}
      renderRow={(f) => (
        <Table.Tr key={f.facilityId}>
          <Table.Td>
            <Anchor component={Link} to={facilityPath(f)} fw={600}>
              {f.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t(`facilityKinds.${f.kind}`)} {facts.area(f)}
            </Text>
          </Table.Td>
          <Table.Td>{facts.progress(f)}</Table.Td>
          <Table.Td>{facts.answered(f)}</Table.Td>
          <Table.Td>{facts.problems(f)}</Table.Td>
          <Table.Td>{facts.overdue(f)}</Table.Td>
          <Table.Td>{facts.vendors(f)}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}
