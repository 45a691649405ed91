import { Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../checklist/dates';
import { formatDateTime } from '../common/format';
import { TableCard } from '../common/TableCard';
import type { LogReview } from './api';

function AlertCount({ review }: { review: LogReview }) {
  return (
    <Text span size="sm" c={review.alerts > 0 ? 'orange.8' : undefined} fw={review.alerts > 0 ? 700 : undefined}>
      {review.alerts.toLocaleString()}
    </Text>
  );
}

/** On a phone: one card per sign-off, the period first. */
function ReviewCards({ reviews }: { reviews: readonly LogReview[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('accessLogs.review.history')}>
      {reviews.map((review) => (
        <Paper key={review.id} component="li" withBorder radius="md" p="sm">
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              {t('accessLogs.review.range', { from: formatDay(review.periodFrom), to: formatDay(review.periodTo) })}
            </Text>
            <Group gap="md">
              <Text size="sm">
                {t('accessLogs.review.events')} {review.events.toLocaleString()}
              </Text>
              <Text size="sm">
                {t('accessLogs.review.alerts')} <AlertCount review={review} />
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {review.note}
            </Text>
            <Text size="xs" c="dimmed">
              {t('accessLogs.review.byAt', { name: review.reviewedBy ?? '—', at: formatDateTime(review.reviewedAt) })}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** The periods signed off so far, the latest first: what they held and who looked, when, and what they checked. */
export function ReviewList({ reviews }: { reviews: readonly LogReview[] }) {
  const { t } = useTranslation();
  if (reviews.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('accessLogs.review.none')}
      </Text>
    );
  }
  const nowrap = { whiteSpace: 'nowrap' } as const;
  return (
    <>
      <Box visibleFrom="sm">
        <TableCard
          label={t('accessLogs.review.history')}
          minWidth={860}
          columns={[
            t('accessLogs.review.period'),
            { label: t('accessLogs.review.events'), w: 70 },
            { label: t('accessLogs.review.alerts'), w: 80 },
            { label: t('accessLogs.review.reviewer'), w: 110 },
            { label: t('accessLogs.review.when'), w: 180 },
            t('accessLogs.review.note'),
          ]}
          rows={reviews}
          renderRow={(review) => (
            <Table.Tr key={review.id}>
              <Table.Td style={nowrap}>{t('accessLogs.review.range', { from: formatDay(review.periodFrom), to: formatDay(review.periodTo) })}</Table.Td>
              <Table.Td ta="right">{review.events.toLocaleString()}</Table.Td>
              <Table.Td ta="right">
                <AlertCount review={review} />
              </Table.Td>
              <Table.Td style={nowrap}>{review.reviewedBy ?? '—'}</Table.Td>
              <Table.Td style={nowrap}>{formatDateTime(review.reviewedAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap', minWidth: 240 }}>{review.note}</Table.Td>
            </Table.Tr>
          )}
        />
      </Box>
      <Box hiddenFrom="sm">
        <ReviewCards reviews={reviews} />
      </Box>
    </>
  );
}
