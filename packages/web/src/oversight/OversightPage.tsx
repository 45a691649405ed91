import { Group, Pagination, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDateTime } from '../common/format';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { PAGE_SIZE, useOversight } from './api';
import { OversightExportMenu } from './OversightExportMenu';
import { OversightFilters } from './OversightFilters';
import { OversightList } from './OversightList';
import { OversightTotals } from './OversightTotals';
import { useOversightParams } from './params';

/**
 * 施設の状況一覧: every facility the signed-in person oversees (a corporation's, the ones that granted an inspector
 * access, a prefecture's), with the year's progress, いいえ past their target dates and vendors not answering.
 */
export function OversightPage() {
  const { t } = useTranslation();
  const [params, update] = useOversightParams();
  const dashboard = useOversight(params);
  const data = dashboard.data;
  const newest = data?.facilities.reduce<string | null>(
    (latest, f) => (f.summarizedAt && (!latest || f.summarizedAt > latest) ? f.summarizedAt : latest),
    null,
  );

  return (
    <Stack gap="md">
      <PageHeader title={t('oversight.title')} description={t('oversight.description')} actions={<OversightExportMenu params={params} />} />
      <OversightFilters key={`${params.healthCenter}|${params.q}`} params={params} onChange={update} />
      {dashboard.isError && <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {!data && dashboard.isPending && <FullPageLoader />}
      {data && (
        <>
          <OversightTotals totals={data.totals} active={params.filter} onSelect={(filter) => update({ filter })} />
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('oversight.matching', { count: data.matching })}
            {newest ? ` ${t('oversight.summarizedAt', { time: formatDateTime(newest) })}` : ''}
          </Text>
          <OversightList facilities={data.facilities} />
          {data.matching > PAGE_SIZE && (
            <Group justify="center">
              <Pagination
                total={Math.ceil(data.matching / PAGE_SIZE)}
                value={params.page}
                onChange={(page) => update({ ...params, page })}
                aria-label={t('oversight.pages')}
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
