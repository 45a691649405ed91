import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { showSuccess, useApiErrorHandler } from '../../api/errors';
import { ErrorAlert } from '../../common/ErrorAlert';
import { formatDateTime } from '../../common/format';
import { TableCard } from '../../common/TableCard';
import { FullPageLoader } from '../../layout/FullPageLoader';
import { PageHeader } from '../../layout/PageHeader';
import { useReadinessAccess } from '../access';
import { addIncidentEvent, readinessKeys, updateIncident, useIncident, type IncidentEvent, type IncidentStep, type IncidentView } from '../api';
import { readinessPaths } from '../paths';
import { invalidateReadiness, ReadinessGate } from '../shared';

const kindColor = { contact: 'teal', action: 'blue', note: 'gray' } as const;

/** The picker's `YYYY-MM-DD HH:mm:ss`, read as Japan time (the facility's clock), as an ISO date-time; undefined for "now". */
function isoFromPicker(value: string | null): string | undefined {
  if (!value) return undefined;
  const date = new Date(`${value.trim().replace(' ', 'T')}+09:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Japan time as the picker writes it, `YYYY-MM-DD HH:mm:ss`. */
function pickerNow(): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${pad(Number(parts.hour) % 24)}:${parts.minute}:00`;
}

function useIncidentWrite(facilityId: string, incident: IncidentView) {
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  return async (write: () => Promise<IncidentView>, onError?: (error: unknown) => boolean): Promise<boolean> => {
    try {
      const view = await write();
      queryClient.setQueryData(readinessKeys.incident(facilityId, incident.id), view);
      await invalidateReadiness(queryClient, facilityId);
      return true;
    } catch (error) {
      if (!onError?.(error)) handleError(error);
      return false;
    }
  };
}

function Steps({ facilityId, incident, canWrite }: { facilityId: string; incident: IncidentView; canWrite: boolean }) {
  const { t } = useTranslation();
  const write = useIncidentWrite(facilityId, incident);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const firstContact = new Map<string, IncidentEvent>();
  for (const e of incident.events) if (e.kind === 'contact' && e.contactKey && !firstContact.has(e.contactKey)) firstContact.set(e.contactKey, e);

  const contacted = async (step: IncidentStep) => {
    setBusyKey(step.key);
    const ok = await write(() => addIncidentEvent(incident.id, { kind: 'contact', contactKey: step.key, text: '' }));
    if (ok) showSuccess(t('readiness.incident.contactedDone', { name: step.name }));
    setBusyKey(null);
  };

  if (incident.steps.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('readiness.incident.noSteps')}{' '}
        <Anchor component={Link} to={readinessPaths.contacts(facilityId)} size="sm">
          {t('readiness.incidents.openChart')}
        </Anchor>
      </Text>
    );
  }
  const done = incident.steps.filter((s) => s.contactedAt).length;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('readiness.incident.progress', { done, total: incident.steps.length })}
      </Text>
      <TableCard
        label={t('readiness.incident.stepsTitle')}
        minWidth={680}
        columns={[
          { label: t('readiness.incident.order'), w: 50 },
          t('readiness.incident.contact'),
          t('readiness.incident.phone'),
          t('readiness.incident.calledBy'),
          t('readiness.incident.state'),
        ]}
        rows={[...incident.steps].sort((a, b) => a.order - b.order)}
        renderRow={(step) => {
          const event = firstContact.get(step.key);
          return (
            <Table.Tr key={step.key} bg={step.contactedAt ? 'teal.0' : undefined} data-testid={`step-${step.key}`}>
              <Table.Td>
                <Text fw={700}>{step.order}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {step.name}
                </Text>
                {step.organization && step.organization !== step.name && (
                  <Text size="xs" c="dimmed">
                    {step.organization}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {step.phone ? (
                  <Anchor href={`tel:${step.phone.replace(/[^\d+]/g, '')}`} size="sm" fw={600}>
                    {step.phone}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{step.calledBy ?? t('readiness.incident.firstCaller')}</Text>
              </Table.Td>
              <Table.Td>
                {step.contactedAt ? (
                  <Text size="sm" c="teal.8" fw={600}>
                    {t('readiness.incident.contactedAt', { at: formatDateTime(step.contactedAt), by: event?.recordedBy ?? '—' })}
                  </Text>
                ) : canWrite ? (
                  <Button
                    size="xs"
                    color="teal"
                    loading={busyKey === step.key}
                    disabled={busyKey !== null && busyKey !== step.key}
                    onClick={() => void contacted(step)}
                    aria-label={t('readiness.incident.contactedOf', { name: step.name })}
                  >
                    {t('readiness.incident.contacted')}
                  </Button>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('readiness.incident.notYet')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
    </Stack>
  );
}

function Timeline({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const names = new Map(incident.steps.map((s) => [s.key, s.name]));
  const events = [...incident.events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return (
    <TableCard
      label={t('readiness.incident.timelineTitle')}
      minWidth={640}
      empty={t('readiness.incident.noEvents')}
      columns={[t('readiness.incident.at'), t('readiness.incident.kind'), t('readiness.incident.text'), t('readiness.incident.recordedBy')]}
      rows={events}
      renderRow={(e) => {
        const contactName = e.contactKey ? (names.get(e.contactKey) ?? e.contactKey) : null;
        const text = e.kind === 'contact' ? [t('readiness.incident.contactedText', { name: contactName ?? '—' }), e.text].filter(Boolean).join(' — ') : e.text;
        return (
          <Table.Tr key={e.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={kindColor[e.kind]}>
                {t(`readiness.incident.kinds.${e.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{text}</Table.Td>
            <Table.Td>{e.recordedBy ?? '—'}</Table.Td>
          </Table.Tr>
        );
      }}
    />
  );
}

function AddEvent({ facilityId, incident }: { facilityId: string; incident: IncidentView }) {
  const { t } = useTranslation();
  const write = useIncidentWrite(facilityId, incident);
  const [kind, setKind] = useState<'action' | 'note'>('action');
  const [text, setText] = useState('');
  const [at, setAt] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setErrors({ text: t('readiness.incident.textRequired') });
    const when = isoFromPicker(at);
    if (at && !when) return setErrors({ at: t('readiness.incident.atInvalid') });
    if (when && when > new Date(Date.now() + 5 * 60_000).toISOString()) return setErrors({ at: t('readiness.incident.atFuture') });
    setErrors({});
    setBusy(true);
    const ok = await write(
      () => addIncidentEvent(incident.id, { kind, contactKey: null, text: text.trim(), ...(when ? { at: when } : {}) }),
      (error) => {
        if (isApiError(error) && error.details.length > 0) {
          setErrors(Object.fromEntries(error.details.map((d) => [d.path.replace(/^body\./, ''), d.message])));
          return true;
        }
        return false;
      },
    );
    if (ok) {
      setText('');
      setAt(null);
      showSuccess(t('readiness.incident.eventAdded'));
    }
    setBusy(false);
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      bg="gray.0"
      component="form"
      onSubmit={(e: React.FormEvent) => void submit(e)}
      noValidate
      aria-label={t('readiness.incident.addTitle')}
    >
      <Stack gap="sm">
        <Text fw={600} size="sm">
          {t('readiness.incident.addTitle')}
        </Text>
        <Group align="flex-end" gap="md" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="incident-event-kind">
              {t('readiness.incident.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="incident-event-kind"
              value={kind}
              onChange={(v) => setKind(v as 'action' | 'note')}
              data={(['action', 'note'] as const).map((k) => ({ value: k, label: t(`readiness.incident.kinds.${k}`) }))}
            />
          </Stack>
          <DateTimePicker
            label={t('readiness.incident.atLabel')}
            description={t('readiness.incident.atHint')}
            placeholder={t('readiness.incident.atPlaceholder')}
            value={at}
            onChange={setAt}
            valueFormat={(value) => formatDateTime(isoFromPicker(value) ?? null)}
            maxDate={pickerNow().slice(0, 10)}
            clearable
            error={errors.at}
            w={280}
            popoverProps={{ withinPortal: true }}
          />
        </Group>
        <Textarea
          label={t('readiness.incident.textLabel')}
          placeholder={t(`readiness.incident.textPlaceholder.${kind}`)}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
          autosize
          minRows={2}
          maxLength={4000}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('readiness.incident.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function StatusButton({ facilityId, incident }: { facilityId: string; incident: IncidentView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const write = useIncidentWrite(facilityId, incident);
  const [busy, setBusy] = useState(false);
  const next = incident.status === 'open' ? 'closed' : 'open';
  const change = async () => {
    setBusy(true);
    const ok = await write(
      () => updateIncident(incident.id, { version: incident.version, status: next }),
      (error) => {
        if (isApiError(error, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: readinessKeys.incident(facilityId, incident.id) });
        return false;
      },
    );
    if (ok) showSuccess(next === 'closed' ? t('readiness.incident.closedDone') : t('readiness.incident.reopenedDone'));
    setBusy(false);
  };
  return (
    <Button variant={next === 'closed' ? 'default' : 'light'} color={next === 'closed' ? undefined : 'red'} loading={busy} onClick={() => void change()}>
      {next === 'closed' ? t('readiness.incident.close') : t('readiness.incident.reopen')}
    </Button>
  );
}

/** One incident: call the chart's contacts in order, note what was done and when, close it at the end. */
export function IncidentPage() {
  const { t } = useTranslation();
  const { facilityId = '', incidentId = '' } = useParams();
  const access = useReadinessAccess(facilityId);
  const incident = useIncident(facilityId, incidentId, access.canRead);
  const data = incident.data;
  const open = data?.status === 'open';
  const canWrite = access.canOperate && open;

  return (
    <ReadinessGate access={access} title={t('readiness.incidents.title')}>
      <Anchor component={Link} to={readinessPaths.incidents(facilityId)} size="sm" mb="xs" display="inline-block">
        ← {t('readiness.incident.back')}
      </Anchor>
      {incident.isLoading && <FullPageLoader />}
      {incident.isError && <ErrorAlert error={incident.error} onRetry={() => void incident.refetch()} />}
      {data && (
        <>
          <PageHeader
            title={data.title}
            description={
              <Group gap="xs" component="span">
                <Badge color={open ? 'red' : 'gray'} variant={open ? 'filled' : 'light'} component="span">
                  {t(`readiness.incidents.statuses.${data.status}`)}
                </Badge>
                <span>
                  {t('readiness.incident.started', { at: formatDateTime(data.startedAt) })}
                  {data.closedAt && ` ・ ${t('readiness.incident.closed', { at: formatDateTime(data.closedAt) })}`}
                  {data.chartVersion !== null && ` ・ ${t('readiness.incident.fromChart', { version: data.chartVersion })}`}
                </span>
              </Group>
            }
            actions={access.canOperate && <StatusButton facilityId={facilityId} incident={data} />}
          />
          <Stack gap="xl">
            {!open && (
              <Alert color="gray" variant="light">
                <Text size="sm">{t('readiness.incident.closedHint')}</Text>
              </Alert>
            )}
            <Stack gap="sm" component="section" aria-labelledby="incident-steps">
              <Title order={2} fz="h4" id="incident-steps">
                {t('readiness.incident.stepsTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('readiness.incident.stepsHint')}
              </Text>
              <Steps facilityId={facilityId} incident={data} canWrite={canWrite} />
            </Stack>
            <Stack gap="sm" component="section" aria-labelledby="incident-timeline">
              <Title order={2} fz="h4" id="incident-timeline">
                {t('readiness.incident.timelineTitle')}
              </Title>
              <Timeline incident={data} />
              {canWrite && <AddEvent facilityId={facilityId} incident={data} />}
            </Stack>
          </Stack>
        </>
      )}
    </ReadinessGate>
  );
}
