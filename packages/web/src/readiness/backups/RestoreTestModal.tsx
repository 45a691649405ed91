import { useState } from 'react';
import { Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { restoreResults, todayInTokyo } from '@mamori/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showSuccess, useApiErrorHandler } from '../../api/errors';
import { useSession } from '../../auth/session';
import { DayInput } from '../../checklist/RoundFields';
import { addRestoreTest, type BackupPlanView, type RestoreTestFields } from '../api';
import { invalidateReadiness } from '../shared';

/** Record one restore test (復旧確認) of a backup: when, whether it worked, how long it took, who did it. */
export function RestoreTestModal({ facilityId, plan, onClose }: { facilityId: string; plan: BackupPlanView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={plan !== null}
      onClose={onClose}
      title={plan ? t('readiness.restore.title', { system: plan.system }) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {plan && <RestoreTestForm key={plan.id} facilityId={facilityId} plan={plan} onDone={onClose} />}
    </Modal>
  );
}

function RestoreTestForm({ facilityId, plan, onDone }: { facilityId: string; plan: BackupPlanView; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const { data: session } = useSession();
  const today = todayInTokyo();
  const [testedOn, setTestedOn] = useState<string | null>(today);
  const [result, setResult] = useState<RestoreTestFields['result']>('success');
  const [minutes, setMinutes] = useState<number | string>('');
  const [testedBy, setTestedBy] = useState(session?.user.name ?? '');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const sink = { setFieldError: (path: string, error: string) => setErrors((prev) => ({ ...prev, [path]: error })) };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!testedOn) next.testedOn = t('validation.required');
    else if (testedOn > today) next.testedOn = t('readiness.restore.future');
    if (!testedBy.trim()) next.testedBy = t('validation.required');
    setErrors(next);
    if (Object.keys(next).length > 0 || !testedOn) return;
    setBusy(true);
    try {
      await addRestoreTest(plan.id, {
        testedOn,
        result,
        minutesToRestore: typeof minutes === 'number' ? minutes : null,
        testedBy: testedBy.trim(),
        notes: notes.trim(),
      });
      await invalidateReadiness(queryClient, facilityId);
      showSuccess(t('readiness.restore.recorded', { system: plan.system }));
      onDone();
    } catch (error) {
      handleError(error, sink);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('readiness.restore.intro')}
        </Text>
        <DayInput
          label={t('readiness.restore.testedOn')}
          ariaLabel={t('readiness.restore.testedOn')}
          value={testedOn}
          onChange={setTestedOn}
          maxDate={today}
          error={errors.testedOn}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="restore-result-label">
            {t('readiness.restore.result')}
          </Text>
          <SegmentedControl
            aria-labelledby="restore-result-label"
            value={result}
            onChange={(v) => setResult(v as RestoreTestFields['result'])}
            color={result === 'success' ? 'teal' : result === 'partial' ? 'yellow' : 'red'}
            data={restoreResults.map((r) => ({ value: r, label: t(`readiness.restore.results.${r}`) }))}
          />
        </Stack>
        <NumberInput
          label={t('readiness.restore.minutes')}
          description={t('readiness.restore.minutesHint')}
          value={minutes}
          onChange={setMinutes}
          min={0}
          max={100000}
          allowDecimal={false}
          allowNegative={false}
          error={errors.minutesToRestore}
          w={260}
        />
        <TextInput
          label={t('readiness.restore.testedBy')}
          value={testedBy}
          onChange={(e) => setTestedBy(e.currentTarget.value)}
          required
          maxLength={100}
          error={errors.testedBy}
        />
        <Textarea
          label={t('readiness.restore.notes')}
          placeholder={t('readiness.restore.notesPlaceholder')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          error={errors.notes}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('readiness.restore.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
