import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../common/format';
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
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" aria-label={t('ledgers.review.past')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ledgers.review.reviewedOn')}</Table.Th>
                  <Table.Th>{t('ledgers.review.reviewedBy')}</Table.Th>
                  <Table.Th>{t('ledgers.review.decisions.keep')}</Table.Th>
                  <Table.Th>{t('ledgers.review.decisions.disable')}</Table.Th>
                  <Table.Th>{t('ledgers.review.decisions.delete')}</Table.Th>
                  <Table.Th>{t('ledgers.review.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((r) => (
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
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
