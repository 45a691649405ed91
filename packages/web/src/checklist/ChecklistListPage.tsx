import { useState } from 'react';
import { Alert, Badge, Button, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../auth/actor';
import { ErrorAlert } from '../common/ErrorAlert';
import { useFacility } from '../facilities/queries';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { fyName } from './problems';
import { ownForms, useAssessments, vendorFormsOf, type AssessmentSummary } from './queries';
import { StartWizard } from './StartWizard';
import { useSummary } from './summary';
import { VendorFormsSection } from './VendorForms';

export function ReadinessBadge({ ready, blocking }: { ready: boolean | undefined; blocking?: number }) {
  const { t } = useTranslation();
  if (ready === undefined)
    return (
      <Badge color="gray" variant="outline">
        {t('common.loading')}
      </Badge>
    );
  return ready ? (
    <Badge color="teal">{t('checklist.readiness.readyShort')}</Badge>
  ) : (
    <Badge color="orange" variant="light">
      {t('checklist.readiness.count', { count: blocking ?? 0 })}
    </Badge>
  );
}

export function ChecklistListPage() {
  const { facilityId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const allowed = useCan();
  const facility = useFacility(facilityId);
  const list = useAssessments(facilityId);
  const forms = ownForms(list.data);
  const [wizard, setWizard] = useState(false);
  const currentFy = fiscalYearOf(todayInTokyo());

  if (facility.isLoading || list.isLoading) return <FullPageLoader />;
  if (facility.isError) return <ErrorAlert error={facility.error} onRetry={() => void facility.refetch()} />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const f = facility.data!;
  const canCreate = allowed('assessment.create', { kind: 'facility', organizationId: f.organizationId, facilityId: f.id });
  const hasCurrent = forms.some((a) => a.fiscalYear === currentFy);

  const startButton = canCreate && (
    <Button onClick={() => setWizard(true)} variant={hasCurrent ? 'default' : 'filled'}>
      {hasCurrent ? t('checklist.list.startOther') : t('checklist.list.start')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('checklist.list.title')} description={t('checklist.list.description', { facility: f.name })} actions={startButton} />
      {forms.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Stack gap="sm" align="flex-start">
            <Text fw={700}>{t('checklist.list.emptyTitle')}</Text>
            <Text size="sm" c="dimmed" maw={640}>
              {t('checklist.list.emptyBody')}
            </Text>
            {canCreate ? (
              <Button onClick={() => setWizard(true)}>{t('checklist.list.start')}</Button>
            ) : (
              <Alert color="gray">{t('checklist.list.cannotCreate')}</Alert>
            )}
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder radius="md" p="md">
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('checklist.list.year')}</Table.Th>
                  <Table.Th>{t('checklist.list.form')}</Table.Th>
                  <Table.Th>{t('checklist.list.progress')}</Table.Th>
                  <Table.Th>{t('checklist.list.readiness')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {forms.map((a) => (
                  <FormRow key={a.id} assessment={a} facilityId={facilityId} current={a.fiscalYear === currentFy} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {forms
        .filter((a) => a.hasVendorContract || vendorFormsOf(list.data, a.fiscalYear).length > 0)
        .map((a) => (
          <Stack key={a.id} gap={4} mt="lg">
            <Text fw={700} c="dimmed" size="sm">
              {fyName(a.fiscalYear, i18n.language)}
            </Text>
            <VendorFormsSection own={a} vendors={vendorFormsOf(list.data, a.fiscalYear)} facilityId={facilityId} canCreate={canCreate} heading="h3" />
          </Stack>
        ))}
      {canCreate && <StartWizard opened={wizard} onClose={() => setWizard(false)} facility={f} existing={forms} />}
    </>
  );
}

function FormRow({ assessment: a, facilityId, current }: { assessment: AssessmentSummary; facilityId: string; current: boolean }) {
  const { t, i18n } = useTranslation();
  const { summary: s } = useSummary(a.id);
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={0}>
          <Text fw={700}>{fyName(a.fiscalYear, i18n.language)}</Text>
          <Text size="xs" c="dimmed">
            {t('checklist.list.edition', { edition: fyName(Number(a.edition), i18n.language) })}
            {a.carriedOver ? ` ・ ${t('checklist.list.carried')}` : ''}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>{t(`checklist.formKinds.${a.form}`)}</Table.Td>
      <Table.Td miw={160}>
        {s && (
          <Stack gap={2}>
            <Text size="sm">
              {s.gate === 'no' ? t('checklist.list.gateNo') : t('checklist.readiness.requiredDone', { done: s.requiredDone, total: s.requiredTotal })}
            </Text>
            <Progress value={s.requiredTotal ? (s.requiredDone / s.requiredTotal) * 100 : 0} size="sm" color={s.ready ? 'teal' : 'orange'} aria-hidden />
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        <ReadinessBadge ready={s?.ready} blocking={s?.blocking} />
      </Table.Td>
      <Table.Td>
        <Button
          component={Link}
          to={`/facilities/${facilityId}/checklist/${a.id}`}
          size="xs"
          variant={current ? 'filled' : 'light'}
          aria-label={t('checklist.list.openLabel', { fy: fyName(a.fiscalYear, i18n.language) })}
        >
          {t('checklist.list.open')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
