import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fyName } from '../checklist/problems';
import { DeleteAction } from '../common/DeleteAction';
import { ErrorAlert } from '../common/ErrorAlert';
import { TableCard } from '../common/TableCard';
import { useFacilityPermissions } from '../facilities/access';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { deleteContract, formOfYear, invalidateContracts, useFacilityContracts, type ContractView } from './api';
import { ContractDrawer } from './ContractDrawer';
import { RequestFormModal } from './RequestFormModal';
import { contractPath, vendorFormPath, VendorFormStatusBadge } from './status';

/** 保守契約 あり・リモート保守 なし: two small facts, as words rather than ticks. */
export function MaintenanceFacts({ contract }: { contract: Pick<ContractView, 'maintenanceContract' | 'remoteMaintenance'> }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t('contracts.fields.maintenanceShort')}: <b>{contract.maintenanceContract ? t('contracts.yes') : t('contracts.no')}</b>
      </Text>
      <Text size="sm">
        {t('contracts.fields.remoteShort')}: <b>{contract.remoteMaintenance ? t('contracts.yes') : t('contracts.no')}</b>
      </Text>
    </Stack>
  );
}

/** 元請: 〇〇 / 下請: △△、□□ */
export function PrimeSubFacts({ contract }: { contract: Pick<ContractView, 'primeContract' | 'subcontracts'> }) {
  const { t } = useTranslation();
  if (!contract.primeContract && contract.subcontracts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('contracts.direct')}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {contract.primeContract && <Text size="sm">{t('contracts.underPrime', { vendor: contract.primeContract.vendorName })}</Text>}
      {contract.subcontracts.length > 0 && (
        <Text size="sm">{t('contracts.withSubs', { vendors: contract.subcontracts.map((s) => s.vendorName).join('、') })}</Text>
      )}
    </Stack>
  );
}

export function SystemBadges({ systems }: { systems: string[] }) {
  return (
    <Group gap={4}>
      {systems.map((s) => (
        <Badge key={s} variant="outline" color="blue" size="sm" style={{ textTransform: 'none' }}>
          {s}
        </Badge>
      ))}
    </Group>
  );
}

/** 事業者・契約: the facility's vendor contracts and, for each, this fiscal year's vendor form. */
export function ContractsPage() {
  const { t, i18n } = useTranslation();
  const { facilityId = '' } = useParams();
  const queryClient = useQueryClient();
  const { facility, may } = useFacilityPermissions(facilityId);
  const canRead = may('contract.read');
  const canManage = may('contract.manage');
  const canRequest = may('vendorForm.request');
  const contracts = useFacilityContracts(facilityId, canRead);
  const [editing, setEditing] = useState<ContractView | 'new' | null>(null);
  const [requesting, setRequesting] = useState<ContractView | null>(null);
  const fiscalYear = fiscalYearOf(todayInTokyo());
  const fy = fyName(fiscalYear, i18n.language);

  if (facility.isLoading) return <FullPageLoader />;
  if (facility.isError) return <ErrorAlert error={facility.error} onRetry={() => void facility.refetch()} />;
  if (!canRead) {
    return (
      <>
        <PageHeader title={t('contracts.title')} />
        <Text c="dimmed">{t('contracts.notAllowed')}</Text>
      </>
    );
  }

  const list = contracts.data ?? [];
  const current = editing && editing !== 'new' ? (list.find((c) => c.id === editing.id) ?? editing) : null;
  const add = (
    <Button onClick={() => setEditing('new')} variant={list.length ? 'default' : 'filled'}>
      {t('contracts.add')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('contracts.title')} description={t('contracts.description')} actions={canManage && list.length > 0 && add} />
      <Stack gap="md">
        {contracts.isLoading && <FullPageLoader />}
        {contracts.isError && <ErrorAlert error={contracts.error} onRetry={() => void contracts.refetch()} />}
        {contracts.data && list.length === 0 && (
          <Paper withBorder radius="md" p="xl">
            <Stack gap="sm" align="flex-start">
              <Text fw={700}>{t('contracts.emptyTitle')}</Text>
              <Text c="dimmed" maw={720}>
                {t('contracts.emptyBody')}
              </Text>
              {canManage && add}
            </Stack>
          </Paper>
        )}
        {list.length > 0 && (
          <TableCard
            label={t('contracts.listLabel')}
            minWidth={980}
            columns={[
              t('contracts.fields.vendorAndTitle'),
              t('contracts.fields.systems'),
              t('contracts.fields.maintenance'),
              t('contracts.fields.primeSub'),
              t('contracts.formOfYear', { fy }),
              (canManage || canRequest) && t('common.actions'),
            ]}
            rows={list}
            renderRow={(c) => {
              const form = formOfYear(c, fiscalYear);
              return (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text fw={700} size="sm">
                        {c.vendor.name}
                      </Text>
                      <Anchor
                        component={Link}
                        to={contractPath(c.id)}
                        size="sm"
                        aria-label={t('contracts.openContract', { vendor: c.vendor.name, title: c.title })}
                      >
                        {c.title}
                      </Anchor>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <SystemBadges systems={c.systems} />
                  </Table.Td>
                  <Table.Td>
                    <MaintenanceFacts contract={c} />
                  </Table.Td>
                  <Table.Td>
                    <PrimeSubFacts contract={c} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <VendorFormStatusBadge status={form?.status} data-testid={`contract-status-${c.id}`} />
                      {form && (
                        <>
                          <Text size="xs" c="dimmed">
                            {t('contracts.answered', { done: form.answeredItems, total: form.itemCount })}
                            {form.openQueries > 0 ? ` ・ ${t('contracts.openQueries', { count: form.openQueries })}` : ''}
                          </Text>
                          <Anchor
                            component={Link}
                            to={vendorFormPath(form.id)}
                            size="xs"
                            aria-label={t('contracts.openFormOf', { vendor: c.vendor.name, title: c.title, fy })}
                          >
                            {t('contracts.openForm')} →
                          </Anchor>
                        </>
                      )}
                    </Stack>
                  </Table.Td>
                  {(canManage || canRequest) && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {canRequest && !form && (
                          <Button
                            size="xs"
                            onClick={() => setRequesting(c)}
                            aria-label={t('contracts.request.buttonOf', { vendor: c.vendor.name, title: c.title })}
                          >
                            {t('contracts.request.button')}
                          </Button>
                        )}
                        {canManage && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing(c)}
                            aria-label={t('contracts.editOf', { vendor: c.vendor.name, title: c.title })}
                          >
                            {t('common.edit')}
                          </Button>
                        )}
                        {canManage && c.forms.length === 0 && (
                          <DeleteAction
                            label={t('contracts.deleteOf', { vendor: c.vendor.name, title: c.title })}
                            message={t('contracts.deleteConfirm', { vendor: c.vendor.name, title: c.title })}
                            success={t('contracts.deleted', { title: c.title })}
                            action={async () => {
                              await deleteContract(c.id);
                              await invalidateContracts(queryClient);
                            }}
                            maw={320}
                          />
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            }}
          />
        )}
        {list.length > 0 && (
          <Text size="xs" c="dimmed" maw={820}>
            {t('contracts.howItWorks')}
          </Text>
        )}
      </Stack>
      <ContractDrawer facilityId={facilityId} contract={current} contracts={list} opened={editing !== null} onClose={() => setEditing(null)} />
      {requesting && <RequestFormModal contract={requesting} opened onClose={() => setRequesting(null)} defaultFiscalYear={fiscalYear} />}
    </>
  );
}
