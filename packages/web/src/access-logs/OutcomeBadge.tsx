import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LogEvent } from './api';

const outcomeColor = { success: 'teal', failure: 'red', unknown: 'gray' } as const;

/** 成功 / 失敗 / 不明, or 未解析 for a line Mamori kept as written. */
export function OutcomeBadge({ event }: { event: LogEvent }) {
  const { t } = useTranslation();
  if (!event.parsed) {
    return (
      <Badge color="yellow" variant="light">
        {t('accessLogs.events.unparsed')}
      </Badge>
    );
  }
  if (!event.outcome) return <>—</>;
  return (
    <Badge color={outcomeColor[event.outcome]} variant="light">
      {t(`accessLogs.outcomes.${event.outcome}`)}
    </Badge>
  );
}
