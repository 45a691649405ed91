import { useMemo, useState, type ReactNode } from 'react';
import { Button, Group, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { fiscalYearOf, todayInTokyo, type LedgerKind } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../common/ErrorAlert';
import { flaggedRecords, useFindings } from '../findings/queries';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { useLedgerAccess } from './access';
import { useAllRecords, useLedgerList, type LedgerRecord } from './api';
import { AccountSystemsPanel } from './AccountSystemsPanel';
import { AssetReviewButton } from './AssetReviewButton';
import { ExportMenu } from './ExportMenu';
import { LedgerTable } from './LedgerTable';
import { Pager } from './Pager';
import { RecordDrawer } from './RecordDrawer';
import { ledgerPaths } from './records';

const pageSize = 50;

interface Props {
  ledger: LedgerKind;
  /** What only this ledger has, shown above the list. */
  extra?: (facilityId: string, access: { canEdit: boolean; canReview: boolean }) => ReactNode;
}

/** One ledger: search, 要対応 filter, paged list, export, import and the record drawer (`?open=<id>`). */
function LedgerPage({ ledger, extra }: Props) {
  const { t } = useTranslation();
  const { facilityId = '' } = useParams();
  const access = useLedgerAccess(facilityId);
  const [params, setParams] = useSearchParams();
  const openId = params.get('open');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [attentionOnly, setAttentionOnly] = useState(false);

  const list = useLedgerList(facilityId, ledger, q, page, pageSize, access.canRead && !attentionOnly);
  const all = useAllRecords(facilityId, ledger, access.canRead && attentionOnly);
  const findings = useFindings(facilityId, fiscalYearOf(todayInTokyo()), access.canRead);
  const flagged = useMemo(() => flaggedRecords(findings.data, ledger), [findings.data, ledger]);

  const filtered = useMemo(() => (all.data ?? []).filter((r) => flagged.has(r.id)), [all.data, flagged]);
  const rows = attentionOnly ? filtered.slice((page - 1) * pageSize, page * pageSize) : (list.data?.items ?? []);
  const total = attentionOnly ? filtered.length : (list.data?.total ?? 0);
  const known: LedgerRecord | undefined = openId ? [...rows, ...(all.data ?? [])].find((r) => r.id === openId) : undefined;

  const open = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('open', id);
        else next.delete('open');
        return next;
      },
      { replace: !id },
    );

  if (access.facility.isLoading) return <FullPageLoader />;
  if (access.facility.isError) return <ErrorAlert error={access.facility.error} onRetry={() => void access.facility.refetch()} />;
  const title = t(`ledgers.${ledger}.title`);
  if (!access.canRead) {
    return (
      <>
        <PageHeader title={title} />
        <Text c="dimmed">{t('ledgers.notAllowed')}</Text>
      </>
    );
  }

  const query = attentionOnly ? all : list;
  const empty = !attentionOnly && !q && list.data?.total === 0;

  return (
    <>
      <PageHeader
        title={title}
        description={t(`ledgers.${ledger}.description`)}
        actions={
          <>
            {access.canEdit && (
              <Button component={Link} to={ledgerPaths.import(facilityId, ledger)} variant="default">
                {t('ledgers.import.button')}
              </Button>
            )}
            <ExportMenu facilityId={facilityId} ledger={ledger} />
            {access.canEdit && <Button onClick={() => open('new')}>{t(`ledgers.${ledger}.add`)}</Button>}
          </>
        }
      />
      <Stack gap="md">
        {extra?.(facilityId, access)}
        <Paper withBorder radius="md" p="md">
          <Group gap="lg" align="flex-end" wrap="wrap">
            <TextInput
              label={t('ledgers.search')}
              description={t(`ledgers.${ledger}.searchHint`)}
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setPage(1);
              }}
              disabled={attentionOnly}
              style={{ flex: '1 1 280px' }}
              type="search"
            />
            <Switch
              label={t('ledgers.attentionOnly', { count: flagged.size })}
              description={t('ledgers.attentionOnlyHint')}
              checked={attentionOnly}
              onChange={(e) => {
                setAttentionOnly(e.currentTarget.checked);
                setPage(1);
              }}
            />
          </Group>
        </Paper>
        {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
        {query.isLoading && <FullPageLoader />}
        {empty && (
          <Paper withBorder radius="md" p="xl">
            <Stack gap="sm" align="flex-start">
              <Text fw={700}>{t(`ledgers.${ledger}.emptyTitle`)}</Text>
              <Text c="dimmed" maw={640}>
                {t(`ledgers.${ledger}.emptyBody`)}
              </Text>
              {access.canEdit && (
                <Group gap="sm">
                  <Button component={Link} to={ledgerPaths.import(facilityId, ledger)}>
                    {t('ledgers.import.button')}
                  </Button>
                  <Button variant="default" onClick={() => open('new')}>
                    {t(`ledgers.${ledger}.add`)}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        )}
        {!empty && query.data && (
          <Paper withBorder radius="md">
            {rows.length === 0 ? (
              <Text p="lg" c="dimmed">
                {attentionOnly ? t('ledgers.noAttention') : t('common.nothingFound')}
              </Text>
            ) : (
              <LedgerTable ledger={ledger} records={rows} flagged={flagged} onOpen={(r) => open(r.id)} />
            )}
          </Paper>
        )}
        <Pager page={page} pageSize={pageSize} total={total} onChange={setPage} />
      </Stack>
      <RecordDrawer
        facilityId={facilityId}
        ledger={ledger}
        openId={openId}
        known={known}
        canEdit={access.canEdit}
        onClose={() => open(null)}
        onCreated={(record) => open(record.id)}
      />
    </>
  );
}

export function AssetsPage() {
  return <LedgerPage key="assets" ledger="assets" extra={(facilityId, access) => <AssetReviewButton facilityId={facilityId} canReview={access.canReview} />} />;
}

export function AccountsPage() {
  const { t } = useTranslation();
  return (
    <LedgerPage
      key="accounts"
      ledger="accounts"
      extra={(facilityId, access) => (
        <>
          {access.canReview && (
            <Group gap="sm">
              <Text size="sm" c="dimmed">
                {t('ledgers.review.nudge')}
              </Text>
              <Button component={Link} to={ledgerPaths.review(facilityId)} variant="light" size="xs">
                {t('ledgers.review.open')}
              </Button>
            </Group>
          )}
          <AccountSystemsPanel facilityId={facilityId} canEdit={access.canEdit} />
        </>
      )}
    />
  );
}
