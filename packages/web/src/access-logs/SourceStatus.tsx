import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../checklist/dates';
import { formatDateTime } from '../common/format';
import type { LogSource } from './api';
import { Fact } from '../common/Fact';

/** When the source last sent something; nothing yet is a warning (2(6) asks that logs are collected). */
export function LastReceived({ source }: { source: LogSource }) {
  const { t } = useTranslation();
  return source.lastReceivedAt ? (
    formatDateTime(source.lastReceivedAt)
  ) : (
    <Text c="orange.8" span size="sm">
      {t('accessLogs.sources.nothingYet')}
    </Text>
  );
}

/** The end of the latest signed-off period; never is a warning (2(6) asks that logs are reviewed). */
export function ReviewedThrough({ source }: { source: LogSource }) {
  const { t } = useTranslation();
  return source.reviewedThrough ? (
    t('accessLogs.sources.through', { date: formatDay(source.reviewedThrough) })
  ) : (
    <Text c="orange.8" span size="sm">
      {t('accessLogs.sources.neverReviewed')}
    </Text>
  );
}

/** The four facts of a source shown on its card and at the top of its page. */
export function SourceFactList({ source }: { source: LogSource }) {
  const { t } = useTranslation();
  return (
    <>
      <Fact label={t('accessLogs.sources.asset')}>{source.assetName ?? t('accessLogs.sources.noAsset')}</Fact>
      <Fact label={t('accessLogs.sources.events')}>{source.events.toLocaleString()}</Fact>
      <Fact label={t('accessLogs.sources.lastReceived')}>
        <LastReceived source={source} />
      </Fact>
      <Fact label={t('accessLogs.sources.reviewedThrough')}>
        <ReviewedThrough source={source} />
      </Fact>
    </>
  );
}
