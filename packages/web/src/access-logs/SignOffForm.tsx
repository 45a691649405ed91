import { useState, type FormEvent } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../checklist/dates';
import { showSuccess } from '../api/errors';
import { invalidateAccessLogs, signOffPeriod } from './api';
import { DayInput } from './DayInput';
import { startingOn, type Period } from './period';
import { useSubmit } from '../common/useSubmit';

/**
 * この期間を確認済みにする: the reviewer says what they looked at; the server keeps, with the note, how many lines and
 * alerts the period held and how far the log reached, so later tampering with the period shows.
 */
export function SignOffForm({ facilityId, sourceId, period }: { facilityId: string; sourceId: string; period: Period }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The period shown above, until the reviewer changes it here.
  const [own, setOwn] = useState<Period | null>(null);
  const chosen = own ?? period;
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const { busy, run } = useSubmit();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setNoteError(t('accessLogs.review.noteRequired'));
      return;
    }
    await run(async () => {
      await signOffPeriod(sourceId, { periodFrom: chosen.from, periodTo: chosen.to, note: note.trim() });
      await invalidateAccessLogs(queryClient, facilityId);
      showSuccess(t('accessLogs.review.done', { from: formatDay(chosen.from), to: formatDay(chosen.to) }));
      setNote('');
      setOwn(null);
    });
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('accessLogs.review.formLabel')}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <DayInput label={t('accessLogs.review.from')} value={chosen.from} maxDate={chosen.to} onChange={(from) => setOwn(startingOn(chosen, from))} w={170} />
          <DayInput label={t('accessLogs.review.to')} value={chosen.to} minDate={chosen.from} onChange={(to) => setOwn({ from: chosen.from, to })} w={170} />
        </Group>
        <Textarea
          label={t('accessLogs.review.note')}
          description={t('accessLogs.review.noteHint')}
          placeholder={t('accessLogs.review.notePlaceholder')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={note}
          error={noteError}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setNoteError(null);
          }}
        />
        <Text size="xs" c="dimmed">
          {t('accessLogs.review.keeps')}
        </Text>
        <Group>
          <Button type="submit" loading={busy}>
            {t('accessLogs.review.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
