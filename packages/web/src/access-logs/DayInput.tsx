import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { formatDay, parseDay } from '../checklist/dates';

/** A calendar day field that reads 令和8年12月1日 and 2026/12/1 alike (as the checklist's date fields do). */
export function DayInput({
  label,
  value,
  onChange,
  minDate,
  maxDate,
  error,
  w,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  minDate?: string;
  maxDate?: string;
  error?: string | null;
  w?: number;
}) {
  const { t } = useTranslation();
  return (
    <DateInput
      label={label}
      value={value}
      onChange={(v) => v && onChange(v)}
      valueFormat={(d) => formatDay(d)}
      dateParser={(text) => parseDay(text)}
      placeholder={t('checklist.datePlaceholder')}
      minDate={minDate}
      maxDate={maxDate}
      error={error}
      w={w}
      popoverProps={{ withinPortal: true }}
    />
  );
}
