import { Badge, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { todayInTokyo } from '@mamori/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { client, request } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import type { ResponseOf } from '../api/types';
import { useCan } from '../auth/actor';
import { ErrorAlert } from '../common/ErrorAlert';
import { useFacility } from '../facilities/queries';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { InspectionReportButtons } from './InspectionReportButtons';

type Inspection = ResponseOf<'/facilities/{facilityId}/inspections'>[number];
type Finding = Inspection['findings'][number];
type DraftFinding = { itemId: string; text: string; followUpRequested: boolean };

const inspectionsKey = (facilityId: string) => ['facilities', facilityId, 'inspections'] as const;
const emptyFinding = (): DraftFinding => ({ itemId: '', text: '', followUpRequested: true });

/**
 * 立入検査: the inspections of a facility with their 指摘事項. The inspector records one; the facility's 安全管理責任者
 * or 企画管理者 answers each finding (改善報告). Everyone else who may read the facility sees them.
 */
export function InspectionsPage() {
  const { t } = useTranslation();
  const { facilityId = '' } = useParams();
  const allowed = useCan();
  const facility = useFacility(facilityId);
  const scope = facility.data ? ({ kind: 'facility', organizationId: facility.data.organizationId, facilityId } as const) : null;
  const canRead = !!scope && allowed('inspection.read', scope);
  const inspections = useQuery({
    queryKey: inspectionsKey(facilityId),
    queryFn: () => request(client.GET('/facilities/{facilityId}/inspections', { params: { path: { facilityId } } })),
    enabled: canRead,
  });

  if (facility.isLoading || inspections.isLoading) return <FullPageLoader />;
  if (facility.isError) return <ErrorAlert error={facility.error} onRetry={() => void facility.refetch()} />;
  if (!facility.data || !scope) return null;
  const canRecord = allowed('inspection.record', scope);
  const canAnswer = allowed('inspection.answer', scope);

  return (
    <>
      <PageHeader title={t('inspections.title')} description={t('inspections.description', { facility: facility.data.name })} />
      {inspections.isError && <ErrorAlert error={inspections.error} onRetry={() => void inspections.refetch()} />}
      <Stack gap="lg">
        {allowed('assessment.read', scope) && (
          <Paper withBorder radius="md" p="lg">
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('inspections.report.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('inspections.report.help')}
              </Text>
              <InspectionReportButtons facilityId={facilityId} />
            </Stack>
          </Paper>
        )}
        {canRecord && <RecordInspectionForm facilityId={facilityId} />}
        {inspections.data?.length === 0 && <Text c="dimmed">{t('inspections.noRecords')}</Text>}
        {inspections.data?.map((inspection) => (
          <Paper key={inspection.id} withBorder radius="md" p="lg">
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('inspections.recordTitle', { date: inspection.inspectedOn, healthCenter: inspection.inspector.healthCenter })}
              </Title>
              <Text size="sm" c="dimmed">
                {t('inspections.by', { name: inspection.inspector.name })}
              </Text>
              {inspection.notes && <Text size="sm">{inspection.notes}</Text>}
              {inspection.findings.length === 0 && <Text size="sm">{t('inspections.noFindings')}</Text>}
              {inspection.findings.map((finding, index) => (
                <FindingRow key={finding.id} facilityId={facilityId} finding={finding} number={index + 1} canAnswer={canAnswer} />
              ))}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}

function FindingRow({ facilityId, finding, number, canAnswer }: { facilityId: string; finding: Finding; number: number; canAnswer: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const [answer, setAnswer] = useState(finding.answer ?? '');
  const save = useMutation({
    mutationFn: () =>
      request(
        client.PUT('/inspection-findings/{findingId}/answer', {
          params: { path: { findingId: finding.id } },
          body: { version: finding.version, answer: answer.trim() },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: inspectionsKey(facilityId) });
      showSuccess(t('inspections.answerSaved'));
    },
    onError: (error) => onError(error),
  });
  return (
    <Paper withBorder radius="sm" p="sm">
      <Stack gap={6}>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('inspections.findingNumber', { number })}
          </Text>
          {finding.itemId && <Badge variant="light">{finding.itemId}</Badge>}
          {finding.followUpRequested && (
            <Badge color={finding.answer ? 'teal' : 'orange'} variant="light">
              {finding.answer ? t('inspections.answered') : t('inspections.followUpRequested')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{finding.text}</Text>
        {canAnswer ? (
          <Group align="flex-end">
            <Textarea
              label={t('inspections.answerLabel')}
              value={answer}
              onChange={(event) => setAnswer(event.currentTarget.value)}
              autosize
              minRows={2}
              style={{ flex: 1, minWidth: 240 }}
            />
            <Button size="sm" loading={save.isPending} disabled={!answer.trim() || answer.trim() === finding.answer} onClick={() => save.mutate()}>
              {t('inspections.answerSubmit')}
            </Button>
          </Group>
        ) : (
          finding.answer && (
            <Text size="sm" c="dimmed">
              {t('inspections.answerOf', { answer: finding.answer })}
            </Text>
          )
        )}
      </Stack>
    </Paper>
  );
}

function RecordInspectionForm({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  // Today in Japan: the UTC date is yesterday's before 9:00.
  const [inspectedOn, setInspectedOn] = useState(todayInTokyo());
  const [notes, setNotes] = useState('');
  const [findings, setFindings] = useState<DraftFinding[]>([emptyFinding()]);
  const change = (index: number, patch: Partial<DraftFinding>) => setFindings((all) => all.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  const record = useMutation({
    mutationFn: () =>
      request(
        client.POST('/facilities/{facilityId}/inspections', {
          params: { path: { facilityId } },
          body: {
            inspectedOn,
            notes: notes.trim(),
            findings: findings
              .filter((f) => f.text.trim())
              .map((f) => ({ itemId: f.itemId.trim() || null, text: f.text.trim(), followUpRequested: f.followUpRequested })),
          },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: inspectionsKey(facilityId) });
      setNotes('');
      setFindings([emptyFinding()]);
      showSuccess(t('inspections.recorded'));
    },
    onError: (error) => onError(error),
  });
  return (
    <Paper withBorder radius="md" p="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          record.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('inspections.recordNew')}
          </Title>
          <TextInput
            type="date"
            label={t('inspections.inspectedOn')}
            value={inspectedOn}
            onChange={(e) => setInspectedOn(e.currentTarget.value)}
            required
            maw={220}
          />
          <Textarea label={t('inspections.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
          {findings.map((finding, index) => (
            <Group key={index} align="flex-end" wrap="wrap">
              <TextInput label={t('inspections.itemId')} value={finding.itemId} onChange={(e) => change(index, { itemId: e.currentTarget.value })} w={110} />
              <Textarea
                label={t('inspections.findingNumber', { number: index + 1 })}
                value={finding.text}
                onChange={(e) => change(index, { text: e.currentTarget.value })}
                autosize
                style={{ flex: 1, minWidth: 240 }}
              />
              <Checkbox
                label={t('inspections.followUpRequested')}
                checked={finding.followUpRequested}
                onChange={(e) => change(index, { followUpRequested: e.currentTarget.checked })}
              />
            </Group>
          ))}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setFindings((all) => [...all, emptyFinding()])}>
              {t('inspections.addFinding')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('inspections.recordSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
