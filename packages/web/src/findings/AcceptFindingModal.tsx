import { useState } from 'react';
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { fiscalYearRange, findingSummary } from '@mamori/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { showError, showSuccess } from '../api/errors';
import { formatDay } from '../checklist/dates';
import { fyName } from '../checklist/problems';
import { checklistKeys, useSetDetail } from '../checklist/queries';
import { DayInput } from '../checklist/RoundFields';
import { acceptFinding, type FindingView } from './queries';

interface Props {
  opened: boolean;
  onClose: () => void;
  finding: FindingView;
  itemId: string;
  itemName: string;
  assessmentId: string;
  fiscalYear: number;
  today: string;
  expectedRounds: number;
}

/**
 * Says exactly what accepting writes (answer, today's date, a note with the reasons, the records as an
 * evidence CSV) and, for a いいえ, asks for the target date the checklist requires.
 */
export function AcceptFindingModal({ opened, onClose, finding, itemId, itemName, assessmentId, fiscalYear, today, expectedRounds }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ja';
  const queryClient = useQueryClient();
  const setDetail = useSetDetail();
  const range = fiscalYearRange(fiscalYear);
  const isNo = finding.suggestion === 'no';
  const [targetDate, setTargetDate] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (isNo && !targetDate) {
      setError(t('findings.accept.targetRequired'));
      return;
    }
    setBusy(true);
    try {
      const detail = await acceptFinding(assessmentId, { itemId, targetDate: isNo ? targetDate : null, expectedRounds });
      setDetail(detail);
      showSuccess(t('findings.accept.done', { item: itemName }));
      onClose();
    } catch (e) {
      if (isApiError(e) && e.status === 409) await queryClient.invalidateQueries({ queryKey: checklistKeys.detail(assessmentId) });
      if (isApiError(e) && e.details.some((d) => d.path.endsWith('targetDate'))) setError(e.details.find((d) => d.path.endsWith('targetDate'))!.message);
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  const answer = t(`findings.suggestions.${finding.suggestion}`);
  return (
    <Modal opened={opened} onClose={onClose} title={t('findings.accept.title', { item: itemName })} centered size="lg">
      <Stack gap="md">
        <Text size="sm">{t('findings.accept.intro')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('findings.accept.answer', { answer })}</List.Item>
          <List.Item>{t('findings.accept.date', { date: formatDay(today) })}</List.Item>
          <List.Item>{t('findings.accept.note', { note: findingSummary(finding, language) })}</List.Item>
          {finding.records.length > 0 && <List.Item>{t('findings.accept.evidence', { count: finding.records.length })}</List.Item>}
        </List>
        {isNo && (
          <DayInput
            label={t('findings.accept.targetDate')}
            ariaLabel={t('findings.accept.targetDate')}
            description={t('findings.accept.targetHint', { fy: fyName(fiscalYear, i18n.language) })}
            value={targetDate}
            onChange={(value) => {
              setTargetDate(value);
              setError(null);
            }}
            minDate={range.start}
            maxDate={range.end}
            error={error ?? undefined}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy}>
            {t('findings.accept.submit', { answer })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
