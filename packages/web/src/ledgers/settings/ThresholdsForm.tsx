import { useState } from 'react';
import { Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showSuccess, useApiErrorHandler } from '../../api/errors';
import { ledgerKeys, saveFindingSettings, type FindingSettings } from '../api';

type Thresholds = Omit<FindingSettings, 'version'>;
const fields = [
  'patchMaxAgeDays',
  'unusedAccountDays',
  'ledgerReviewMonths',
  'servicesReviewMonths',
  'restoreTestMonths',
  'bcpReviewMonths',
] as const satisfies readonly (keyof Thresholds)[];
const limits: Record<keyof Thresholds, number> = {
  patchMaxAgeDays: 3650,
  unusedAccountDays: 3650,
  ledgerReviewMonths: 120,
  servicesReviewMonths: 120,
  restoreTestMonths: 120,
  bcpReviewMonths: 120,
};
/** Settings saved before incident readiness existed may lack its two periods: the domain's default is 12 months. */
const defaults: Partial<Record<keyof Thresholds, number>> = { restoreTestMonths: 12, bcpReviewMonths: 12 };

/** The numbers the suggestions are measured against (the defaults are the ministry's). */
export function ThresholdsForm({ facilityId, settings, canEdit }: { facilityId: string; settings: FindingSettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  const form = useForm<Record<keyof Thresholds, number | string>>({
    initialValues: Object.fromEntries(fields.map((f) => [f, settings[f] ?? defaults[f] ?? ''])) as Record<keyof Thresholds, number | string>,
    validate: Object.fromEntries(
      fields.map((f) => [
        f,
        (v: number | string) =>
          typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= limits[f] ? null : t('ledgers.settings.range', { max: limits[f] }),
      ]),
    ),
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      const body = { ...(Object.fromEntries(fields.map((f) => [f, Number(values[f])])) as Thresholds), version: settings.version };
      const saved = await saveFindingSettings(facilityId, body);
      queryClient.setQueryData(ledgerKeys.settings(facilityId), saved);
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.facility(facilityId) });
      showSuccess(t('common.saved'));
    } catch (error) {
      // A version conflict reloads the settings; the form starts again from them (keyed by version).
      handleError(error, form);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {fields.map((f) => (
            <NumberInput
              key={f}
              label={t(`ledgers.settings.fields.${f}.label`)}
              description={t(`ledgers.settings.fields.${f}.hint`)}
              suffix={t(`ledgers.settings.fields.${f}.unit`)}
              min={1}
              max={limits[f]}
              allowDecimal={false}
              allowNegative={false}
              readOnly={!canEdit}
              {...form.getInputProps(f)}
            />
          ))}
        </SimpleGrid>
        {canEdit ? (
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={!form.isDirty()}>
              {t('ledgers.settings.saveThresholds')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('ledgers.settings.readOnly')}
          </Text>
        )}
      </Stack>
    </form>
  );
}
