import { Loader, Stack, Text, Timeline } from '@mantine/core';
import type { LedgerKind } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDateTime } from '../common/format';
import { useRecordHistory } from './api';
import { displayValue, headerOf, specOf } from './fields';

/** Who changed what and when, newest first, from the audit trail. */
export function RecordHistory({ facilityId, ledger, recordId }: { facilityId: string; ledger: LedgerKind; recordId: string }) {
  const { t, i18n } = useTranslation();
  const history = useRecordHistory(facilityId, ledger, recordId, true);
  if (history.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  const entries = [...(history.data ?? [])].reverse();
  if (entries.length === 0) return <Text c="dimmed">{t('ledgers.history.empty')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} aria-label={t('ledgers.history.title')}>
      {entries.map((entry, index) => {
        const kind = entry.action.split('.').at(-1) ?? entry.action;
        return (
          <Timeline.Item
            key={`${entry.occurredAt}-${index}`}
            title={`${t(`ledgers.history.actions.${kind}`, { defaultValue: entry.action })} — ${entry.actorName ?? t('audit.system')}`}
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.occurredAt)}
            </Text>
            {kind !== 'create' && kind !== 'delete' && (
              <Stack gap={2} mt={4}>
                {Object.entries(entry.changes).map(([field, change]) => {
                  const spec = specOf(ledger, field);
                  return (
                    <Text size="sm" key={field}>
                      <Text span fw={500}>
                        {spec ? headerOf(spec, i18n.language) : field}
                      </Text>
                      : {displayValue(spec, change.before, t)} → {displayValue(spec, change.after, t)}
                    </Text>
                  );
                })}
              </Stack>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
