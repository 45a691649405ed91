import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../common/format';
import { TableCard } from '../../common/TableCard';
import type { LedgerReviewView } from '../api';

/** Signed reviews, newest first: who, when, and what they decided. */
export function PastReviews({ reviews }: { reviews: LedgerReviewView[] }) {
  const { t } = useTranslation();
  const sorted = [...reviews].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return (
    <Stack gap="xs">
      <Title order={2} fz="h4">
        {t('ledgers.review.past')}
      </Title>
      {sorted.length === 0 ? (
        <Text c="dimmed">{t('ledgers.review.none')}</Text>
      ) : (
        <TableCard
          label={t('ledgers.review.past')}
          minWidth={640}
          columns={[
            t('ledgers.review.reviewedOn'),
            t('ledgers.review.reviewedBy'),
            t('ledgers.review.decisions.keep'),
            t('ledgers.review.decisions.disable'),
            t('ledgers.review.decisions.delete'),
            t('ledgers.review.note'),
          ]}
          rows={sorted}
          renderRow={(r) => (
            <Table.Tr key={r.id}>
              <Table.Td title={formatDateTime(r.createdAt)}>{formatDate(r.reviewedOn)}</Table.Td>
              <Table.Td>{r.reviewedBy ?? '—'}</Table.Td>
              <Table.Td>{r.kept}</Table.Td>
              <Table.Td>{r.disabled}</Table.Td>
              <Table.Td>{r.deleted}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.note || '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        />
      )}
    </Stack>
  );
}
