import type { AnswerValue } from '@mamori/domain';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { formatDay, parseDay } from './dates';

/**
 * はい / いいえ, and on a device row (server, terminal PC, network) also 該当なし for a facility that has none of them
 * (Q&A 12-B-8); its reason goes in the note.
 */
export function AnswerControl({
  label,
  value,
  onChange,
  disabled,
  allowNotApplicable = false,
}: {
  label: string;
  value: AnswerValue | null;
  onChange: (value: AnswerValue) => void;
  disabled?: boolean;
  allowNotApplicable?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={label}
      fullWidth
      size="sm"
      color={value === 'no' ? 'orange' : value === 'not_applicable' ? 'gray' : 'teal'}
      value={value ?? ''}
      onChange={(v) => onChange(v as AnswerValue)}
      disabled={disabled}
      data={[
        { value: 'yes', label: t('common.yes') },
        { value: 'no', label: t('common.no') },
        ...(allowNotApplicable || value === 'not_applicable' ? [{ value: 'not_applicable', label: t('common.notApplicable') }] : []),
      ]}
    />
  );
}

export function DayInput({
  label,
  ariaLabel,
  value,
  onChange,
  minDate,
  maxDate,
  error,
  disabled,
  description,
}: {
  label: string;
  ariaLabel: string;
  value: string | null;
  onChange: (value: string | null) => void;
  minDate?: string;
  maxDate?: string;
  error?: string;
  disabled?: boolean;
  description?: string;
}) {
  const { t } = useTranslation();
  return (
    <DateInput
      label={label}
      aria-label={ariaLabel}
      size="sm"
      value={value}
      onChange={onChange}
      valueFormat={(d) => formatDay(d)}
      dateParser={(text) => parseDay(text)}
      placeholder={t('checklist.datePlaceholder')}
      minDate={minDate}
      maxDate={maxDate}
      clearable
      error={error}
      disabled={disabled}
      description={description}
      popoverProps={{ withinPortal: true }}
    />
  );
}

export function ColumnTitle({ children }: { children: React.ReactNode }) {
  return (
    <Text size="xs" fw={700} c="dimmed">
      {children}
    </Text>
  );
}

export function Column({ children }: { children: React.ReactNode }) {
  return <Stack gap={6}>{children}</Stack>;
}
