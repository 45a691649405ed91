import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LogChainCheck } from './api';

/**
 * The chain check of one source: 改ざんなし when every stored line still follows from the one before, otherwise the
 * first line that does not (#N) with the reason on hover.
 */
export function IntegrityBadge({ check }: { check: LogChainCheck | undefined }) {
  const { t } = useTranslation();
  if (!check)
    return (
      <Badge variant="outline" color="gray">
        {t('accessLogs.integrity.unknown')}
      </Badge>
    );
  if (check.ok || !check.firstBreak) {
    return (
      <Badge color="teal" variant="light" data-testid={`integrity-${check.sourceId}`}>
        {t('accessLogs.integrity.ok')}
      </Badge>
    );
  }
  return (
    <Tooltip label={check.firstBreak.reason} multiline w={280} withArrow>
      <Badge color="red" variant="filled" data-testid={`integrity-${check.sourceId}`}>
        {t('accessLogs.integrity.broken', { seq: check.firstBreak.seq })}
      </Badge>
    </Tooltip>
  );
}
