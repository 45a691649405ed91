import { lazy, Suspense, useState } from 'react';
import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { todayInTokyo } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../common/ErrorAlert';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { AccessLogGate } from './AccessLogGate';
import { useAccessLogAccess } from './access';
import { AlertList } from './AlertList';
import { useLogAlerts, useLogIntegrity, useLogReviews, useLogSources, type LogSource, type LogSourceWithToken } from './api';
import { EventSearch } from './EventSearch';
import { IntegrityBadge } from './IntegrityBadge';
import { accessLogPaths } from './paths';
import { presetPeriod, type Period } from './period';
import { PeriodPicker } from './PeriodPicker';
import { ReviewList } from './ReviewList';
import { SignOffForm } from './SignOffForm';
import { Fact } from '../common/Fact';
import { SourceFactList } from './SourceStatus';
import { SourceSettingsDrawer } from './SourceSettingsDrawer';
import { TokenModal } from './TokenModal';
import { UploadPanel } from './UploadPanel';

// The chart library is large and only this page draws a chart: it loads when the page opens.
const TimelineChart = lazy(() => import('./TimelineChart').then((m) => ({ default: m.TimelineChart })));

/** Where one source's log stands: how much, how recent, reviewed through when, and whether the chain holds. */
function SourceFacts({ facilityId, source }: { facilityId: string; source: LogSource }) {
  const { t } = useTranslation();
  const integrity = useLogIntegrity(facilityId);
  return (
    <Paper withBorder radius="md" p="md">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
        <SourceFactList source={source} />
        <Fact label={t('accessLogs.sources.integrity')}>
          <IntegrityBadge check={integrity.data?.find((c) => c.sourceId === source.id)} />
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}

function Reviews({ facilityId, source, canReview, period }: { facilityId: string; source: LogSource; canReview: boolean; period: Period }) {
  const { t } = useTranslation();
  const reviews = useLogReviews(facilityId, source.id);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="review-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="h5" id="review-title">
            {t('accessLogs.review.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('accessLogs.review.description')}
          </Text>
        </Stack>
        {canReview && <SignOffForm facilityId={facilityId} sourceId={source.id} period={period} />}
        <Title order={3} fz="h6">
          {t('accessLogs.review.history')}
        </Title>
        {reviews.isError && <ErrorAlert error={reviews.error} onRetry={() => void reviews.refetch()} />}
        {reviews.data && <ReviewList reviews={reviews.data} />}
      </Stack>
    </Paper>
  );
}

/** One source's access log (2(6)): upload, timeline, alerts, search, sign-off and its settings. */
export function SourcePage() {
  const { t } = useTranslation();
  const { facilityId = '', sourceId = '' } = useParams();
  const access = useAccessLogAccess(facilityId);
  const sources = useLogSources(facilityId, access.canRead);
  const alerts = useLogAlerts(facilityId, sourceId, access.canRead);
  const today = todayInTokyo();
  const [period, setPeriod] = useState<Period>(() => presetPeriod('pastMonth', today));
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [reissued, setReissued] = useState<LogSourceWithToken | null>(null);
  const source = sources.data?.find((s) => s.id === sourceId);
  const back = (
    <Anchor component={Link} to={accessLogPaths.list(facilityId)} size="sm">
      {t('accessLogs.backToList')}
    </Anchor>
  );

  return (
    <AccessLogGate access={access}>
      {sources.isLoading && <FullPageLoader />}
      {sources.isError && <ErrorAlert error={sources.error} onRetry={() => void sources.refetch()} />}
      {sources.data && !source && (
        <Stack gap="sm">
          {back}
          <PageHeader title={t('accessLogs.title')} />
          <Text c="dimmed">{t('accessLogs.sourceMissing')}</Text>
        </Stack>
      )}
      {source && (
        <>
          <Group mb="xs">{back}</Group>
          <PageHeader
            title={source.name}
            description={t('accessLogs.sourceDescription')}
            actions={
              access.canManage && (
                <Button variant="default" onClick={() => setSettingsOpen(true)}>
                  {t('accessLogs.sourceSettings.open')}
                </Button>
              )
            }
          />
          <Stack gap="lg">
            <SourceFacts facilityId={facilityId} source={source} />
            {access.canIngest && <UploadPanel facilityId={facilityId} source={source} />}
            <PeriodPicker period={period} today={today} onChange={setPeriod} />
            <Suspense fallback={<Skeleton h={300} radius="md" />}>
              <TimelineChart facilityId={facilityId} sourceId={source.id} period={period} />
            </Suspense>
            <Stack gap="sm" component="section" aria-labelledby="source-alerts-title">
              <Title order={2} fz="h5" id="source-alerts-title">
                {t('accessLogs.alerts.titleSource')}
              </Title>
              {alerts.isError && <ErrorAlert error={alerts.error} onRetry={() => void alerts.refetch()} />}
              {alerts.data && <AlertList facilityId={facilityId} alerts={alerts.data} showSource={false} />}
            </Stack>
            <EventSearch facilityId={facilityId} sourceId={source.id} period={period} />
            <Reviews facilityId={facilityId} source={source} canReview={access.canReview} period={period} />
          </Stack>
          {access.canManage && (
            <SourceSettingsDrawer
              facilityId={facilityId}
              source={source}
              opened={settingsOpen}
              canReadLedgers={access.canReadAssets}
              onClose={() => setSettingsOpen(false)}
              onReissued={(result) => {
                setSettingsOpen(false);
                setReissued(result);
              }}
            />
          )}
          <TokenModal sourceName={source.name} token={reissued?.token ?? null} onClose={() => setReissued(null)} />
        </>
      )}
    </AccessLogGate>
  );
}
