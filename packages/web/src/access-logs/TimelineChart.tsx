import { BarChart } from '@mantine/charts';
import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/ErrorAlert';
import { useTimeline } from './api';
import type { Period } from './period';
import { bucketLabel, fillTimeline } from './timeline';

/** How many sign-ins, failures and other lines each day (or hour, for up to three days) of the period held. */
export function TimelineChart({ facilityId, sourceId, period }: { facilityId: string; sourceId: string; period: Period }) {
  const { t, i18n } = useTranslation();
  const timeline = useTimeline(facilityId, sourceId, period);
  const language = i18n.language === 'en' ? 'en' : 'ja';
  const data = timeline.data
    ? fillTimeline(timeline.data.bucket, timeline.data.buckets, period).map((b) => ({ ...b, label: bucketLabel(timeline.data.bucket, b.at, language) }))
    : [];
  const total = data.reduce((sum, b) => sum + b.login + b.failure + b.other, 0);
  const failures = data.reduce((sum, b) => sum + b.failure, 0);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="timeline-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} fz="h5" id="timeline-title">
            {timeline.data?.bucket === 'hour' ? t('accessLogs.timeline.titleHourly') : t('accessLogs.timeline.title')}
          </Title>
          {timeline.data && (
            <Text size="sm" c="dimmed" data-testid="timeline-summary">
              {t('accessLogs.timeline.summary', { total, failures })}
            </Text>
          )}
        </Group>
        {timeline.isError && <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />}
        {timeline.isLoading && <Skeleton h={220} />}
        {timeline.data && (
          <BarChart
            h={220}
            data={data}
            dataKey="label"
            type="stacked"
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 12 }}
            yAxisProps={{ allowDecimals: false, width: 40 }}
            series={[
              { name: 'login', label: t('accessLogs.timeline.login'), color: 'teal.6' },
              { name: 'failure', label: t('accessLogs.timeline.failure'), color: 'red.6' },
              { name: 'other', label: t('accessLogs.timeline.other'), color: 'gray.5' },
            ]}
            aria-label={t('accessLogs.timeline.chartLabel')}
            data-testid="timeline-chart"
          />
        )}
      </Stack>
    </Paper>
  );
}
