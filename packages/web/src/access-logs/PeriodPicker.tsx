import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DayInput } from './DayInput';
import { periodPresets, presetOf, presetPeriod, startingOn, type Period } from './period';

/** The days the timeline, the search and the sign-off look at: a preset (過去1か月 …) or any two days, in Japan. */
export function PeriodPicker({ period, today, onChange }: { period: Period; today: string; onChange: (period: Period) => void }) {
  const { t } = useTranslation();
  const active = presetOf(period, today);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('accessLogs.period.title')}>
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          {t('accessLogs.period.title')}
        </Text>
        <Group gap={6} wrap="wrap">
          {periodPresets.map((preset) => (
            <Button
              key={preset}
              size="compact-sm"
              variant={active === preset ? 'filled' : 'default'}
              aria-pressed={active === preset}
              onClick={() => onChange(presetPeriod(preset, today))}
            >
              {t(`accessLogs.period.presets.${preset}`)}
            </Button>
          ))}
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <DayInput
            label={t('accessLogs.period.from')}
            value={period.from}
            maxDate={period.to}
            onChange={(from) => onChange(startingOn(period, from))}
            w={170}
          />
          <DayInput label={t('accessLogs.period.to')} value={period.to} minDate={period.from} onChange={(to) => onChange({ from: period.from, to })} w={170} />
        </Group>
      </Stack>
    </Paper>
  );
}
