import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../checklist/dates';
import { formatDateTime } from '../common/format';
import type { LogSource } from './api';

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
