import { useState } from 'react';
import { Button, Group, List, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showSuccess } from '../api/errors';
import { invalidateAccessLogs, saveAccessLogSettings, useAccessLogSettings, type AccessLogSettings } from './api';
import { useSubmit } from '../common/useSubmit';
import { FormActions } from '../common/FormActions';

interface Values {
  failureCount: number | string;
  failureMinutes: number | string;
  adminFrom: string;
  adminTo: string;
  silentDays: number | string;
  unreviewedDays: number | string;
}

const toValues = (s: AccessLogSettings): Values => ({
  failureCount: s.failures.count,
  failureMinutes: s.failures.withinMinutes,
  adminFrom: s.adminHours.from,
  adminTo: s.adminHours.to,
  silentDays: s.silentDays,
  unreviewedDays: s.unreviewedDays,
});

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const inRange = (min: number, max: number) => (v: number | string) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * The facility's thresholds: when the rules raise an alert, and when a source counts as silent or unreviewed for the
 * 2(6) suggestion. Everyone who reads the logs sees them in words; managers and planners change them.
 */
export function AlertSettingsPanel({ facilityId, canManage }: { facilityId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const settings = useAccessLogSettings(facilityId);
  const [editing, setEditing] = useState(false);
  if (!settings.data) return null;
  const s = settings.data;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="access-log-settings">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="h5" id="access-log-settings">
            {t('accessLogs.settings.title')}
          </Title>
          {canManage && !editing && (
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              {t('accessLogs.settings.edit')}
            </Button>
          )}
        </Group>
        {editing ? (
          <SettingsForm key={s.version} facilityId={facilityId} settings={s} onDone={() => setEditing(false)} />
        ) : (
          <List size="sm" spacing={4}>
            <List.Item>{t('accessLogs.settings.failuresText', { count: s.failures.count, minutes: s.failures.withinMinutes })}</List.Item>
            <List.Item>{t('accessLogs.settings.adminHoursText', { from: s.adminHours.from, to: s.adminHours.to })}</List.Item>
            <List.Item>{t('accessLogs.settings.silentText', { days: s.silentDays })}</List.Item>
            <List.Item>{t('accessLogs.settings.unreviewedText', { days: s.unreviewedDays })}</List.Item>
          </List>
        )}
        <Text size="xs" c="dimmed">
          {t('accessLogs.settings.note')}
        </Text>
      </Stack>
    </Paper>
  );
}

function SettingsForm({ facilityId, settings, onDone }: { facilityId: string; settings: AccessLogSettings; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { busy, run } = useSubmit();
  const form = useForm<Values>({
    initialValues: toValues(settings),
    validate: {
      failureCount: (v) => (inRange(2, 1000)(v) ? null : t('accessLogs.settings.range', { min: 2, max: 1000 })),
      failureMinutes: (v) => (inRange(1, 1440)(v) ? null : t('accessLogs.settings.range', { min: 1, max: 1440 })),
      adminFrom: (v) => (hhmm.test(v) ? null : t('accessLogs.settings.time')),
      adminTo: (v) => (hhmm.test(v) ? null : t('accessLogs.settings.time')),
      silentDays: (v) => (inRange(1, 365)(v) ? null : t('accessLogs.settings.range', { min: 1, max: 365 })),
      unreviewedDays: (v) => (inRange(1, 730)(v) ? null : t('accessLogs.settings.range', { min: 1, max: 730 })),
    },
  });
  const submit = form.onSubmit(async (v) => {
    await run(
      async () => {
        await saveAccessLogSettings(facilityId, {
          failures: { count: Number(v.failureCount), withinMinutes: Number(v.failureMinutes) },
          adminHours: { from: v.adminFrom, to: v.adminTo },
          silentDays: Number(v.silentDays),
          unreviewedDays: Number(v.unreviewedDays),
          version: settings.version,
        });
        await invalidateAccessLogs(queryClient, facilityId);
        showSuccess(t('common.saved'));
        onDone();
      },
      {
        form,
        onError: (error) => {
          // A conflict reloads the settings: the form starts again from the newest version.
          if ((error as { code?: string }).code === 'version_conflict') onDone();
        },
      },
    );
  });
  const number = (key: keyof Values, label: string, suffix: string, min: number, max: number) => (
    <NumberInput label={label} suffix={suffix} min={min} max={max} allowDecimal={false} allowNegative={false} {...form.getInputProps(key)} />
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {number('failureCount', t('accessLogs.settings.failureCount'), t('accessLogs.settings.times'), 2, 1000)}
          {number('failureMinutes', t('accessLogs.settings.failureMinutes'), t('accessLogs.settings.minutes'), 1, 1440)}
          <TimeInput label={t('accessLogs.settings.adminFrom')} {...form.getInputProps('adminFrom')} />
          <TimeInput label={t('accessLogs.settings.adminTo')} {...form.getInputProps('adminTo')} />
          {number('silentDays', t('accessLogs.settings.silentDays'), t('accessLogs.settings.days'), 1, 365)}
          {number('unreviewedDays', t('accessLogs.settings.unreviewedDays'), t('accessLogs.settings.days'), 1, 730)}
        </SimpleGrid>
        <FormActions onCancel={onDone} busy={busy} />
      </Stack>
    </form>
  );
}
