import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import { formatDate } from '../common/format';
import { ledgerKeys, submitAssetReview, useLedgerReviews } from './api';

/** 「台帳を確認した」: records that someone looked through the asset ledger and found it current. */
export function AssetReviewButton({ facilityId, canReview }: { facilityId: string; canReview: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const reviews = useLedgerReviews(facilityId);
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const last = (reviews.data ?? []).filter((r) => r.ledger === 'assets').sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];

  const submit = async () => {
    setBusy(true);
    try {
      await submitAssetReview(facilityId, note.trim());
      await queryClient.invalidateQueries({ queryKey: ledgerKeys.facility(facilityId) });
      showSuccess(t('ledgers.assetReview.done'));
      setOpened(false);
      setNote('');
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" c="dimmed" data-testid="asset-last-review">
        {last ? t('ledgers.assetReview.last', { date: formatDate(last.reviewedOn), name: last.reviewedBy ?? '—' }) : t('ledgers.assetReview.never')}
      </Text>
      {canReview && (
        <Button variant="light" onClick={() => setOpened(true)}>
          {t('ledgers.assetReview.button')}
        </Button>
      )}
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('ledgers.assetReview.title')} centered>
        <Stack gap="md">
          <Text size="sm">{t('ledgers.assetReview.body')}</Text>
          <Textarea label={t('ledgers.assetReview.note')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={busy} onClick={() => void submit()}>
              {t('ledgers.assetReview.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
