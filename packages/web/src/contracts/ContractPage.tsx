import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { fiscalYearOf, todayInTokyo } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMailDelivery } from '../auth/mail-delivery';
import { fyName } from '../checklist/problems';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDate } from '../common/format';
import { TableCard } from '../common/TableCard';
import { FullPageLoader } from '../layout/FullPageLoader';
import { DisclosuresPanel } from '../vendor-portal/DisclosuresPanel';
import { RoleSharingPanel } from '../vendor-portal/RoleSharingPanel';
import { vendorHome } from '../vendor-portal/access';
import { useContractAccess } from './access';
import { useVendorMemberships } from '../vendor-portal/access';
import { formOfYear, useContract, useFacilityContracts, type ContractView, type VendorFormSummary } from './api';
import { ContractDrawer } from './ContractDrawer';
import { MaintenanceFacts, PrimeSubFacts, SystemBadges } from './ContractsPage';
import { RequestFormModal, ResendInvitationModal } from './RequestFormModal';
import { nextReminderLine, reminderLine, vendorFormPath, VendorFormStatusBadge } from './status';
import { Fact } from '../common/Fact';

const tabs = ['forms', 'disclosures', 'role-sharing'] as const;
type Tab = (typeof tabs)[number];

/**
 * One contract, for both sides: the facility's staff (request forms, review) and the vendor's users
 * (answer). Tabs: the vendor forms by fiscal year, the MDS/SDS register and the role-sharing table.
 */
export function ContractPage() {
  const { t } = useTranslation();
  const { contractId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useContract(contractId);
  const contract = query.data;
  const access = useContractAccess(contract);
  const vendorUser = useVendorMemberships().length > 0;
  const [editing, setEditing] = useState(false);
  const facilityContracts = useFacilityContracts(contract?.facilityId, access.side === 'facility' && access.canManage);
  const tabParam = params.get('tab');
  const tab: Tab = tabs.includes(tabParam as Tab) ? (tabParam as Tab) : 'forms';

  if (query.isLoading) return <FullPageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!contract) return null;
  // Facility staff win over a vendor membership (as on the server); without a grant known here, a vendor user is on the vendor's side.
  const side = access.side ?? (vendorUser ? 'vendor' : 'facility');

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          {side === 'facility' ? (
            <Anchor component={Link} to={`/facilities/${contract.facilityId}/vendors`} size="sm">
              ← {t('contracts.backToList')}
            </Anchor>
          ) : (
            <Anchor component={Link} to={vendorHome} size="sm">
              ← {t('contracts.backToPortal')}
            </Anchor>
          )}
          <Group justify="space-between" align="flex-start" gap="md">
            <Stack gap={4}>
              <Title order={1} fz="h2">
                {contract.title}
              </Title>
              <Text fw={700}>{side === 'facility' ? contract.vendor.name : contract.facilityName}</Text>
            </Stack>
            {side === 'facility' && access.canManage && (
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('contracts.page.edit')}
              </Button>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            <Fact label={t('contracts.fields.facility')}>{contract.facilityName}</Fact>
            <Fact label={t('contracts.fields.vendor')}>{contract.vendor.name}</Fact>
            <Fact label={t('contracts.fields.systems')}>
              <SystemBadges systems={contract.systems} />
            </Fact>
            <Fact label={t('contracts.fields.maintenance')}>
              <MaintenanceFacts contract={contract} />
            </Fact>
            <Fact label={t('contracts.fields.primeSub')}>
              <PrimeSubFacts contract={contract} />
            </Fact>
            {(contract.contactName || contract.contactEmail) && (
              <Fact label={t('contracts.fields.contact')}>{[contract.contactName, contract.contactEmail].filter(Boolean).join(' ・ ')}</Fact>
            )}
          </SimpleGrid>
          <Alert color={contract.vendorFormExemption ? 'gray' : 'teal'} variant="light" p="xs" data-testid="vendor-form-need">
            <Text size="sm">{contract.vendorFormExemption ? t(`contracts.need.${contract.vendorFormExemption}`) : t('contracts.need.required')}</Text>
          </Alert>
          {contract.notes && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {contract.notes}
            </Text>
          )}
        </Stack>
      </Paper>

      <Tabs
        value={tab}
        onChange={(v) => {
          const next = new URLSearchParams(params);
          if (!v || v === 'forms') next.delete('tab');
          else next.set('tab', v);
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="forms">{t('contracts.tabs.forms')}</Tabs.Tab>
          <Tabs.Tab value="disclosures">{t('contracts.tabs.disclosures')}</Tabs.Tab>
          <Tabs.Tab value="role-sharing">{t('contracts.tabs.roleSharing')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="forms" pt="md">
          <FormsTab contract={contract} side={side} canRequest={side === 'facility' && access.canRequest} />
        </Tabs.Panel>
        <Tabs.Panel value="disclosures" pt="md">
          <DisclosuresPanel contract={contract} side={side} />
        </Tabs.Panel>
        <Tabs.Panel value="role-sharing" pt="md">
          <RoleSharingPanel contract={contract} side={side} />
        </Tabs.Panel>
      </Tabs>
      {side === 'facility' && access.canManage && (
        <ContractDrawer
          facilityId={contract.facilityId}
          contract={contract}
          contracts={facilityContracts.data ?? [contract]}
          opened={editing}
          onClose={() => setEditing(false)}
        />
      )}
    </Stack>
  );
}

/** 「チェックリスト」: the contract's vendor forms by fiscal year, with status, progress, questions and reminders. */
function FormsTab({ contract, side, canRequest }: { contract: ContractView; side: 'facility' | 'vendor'; canRequest: boolean }) {
  const { t, i18n } = useTranslation();
  const [requesting, setRequesting] = useState(false);
  const [resending, setResending] = useState<VendorFormSummary | null>(null);
  const { mailKey } = useMailDelivery();
  const fiscalYear = fiscalYearOf(todayInTokyo());
  const forms = [...contract.forms].sort((a, b) => b.fiscalYear - a.fiscalYear);
  const thisYear = formOfYear(contract, fiscalYear);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" c="dimmed" maw={720} style={{ flex: '1 1 360px' }}>
          {side === 'facility' ? t('contracts.page.formsIntroFacility') : t('contracts.page.formsIntroVendor')}
        </Text>
        {canRequest && !thisYear && (
          <Button onClick={() => setRequesting(true)} aria-label={t('contracts.request.buttonOf', { vendor: contract.vendor.name, title: contract.title })}>
            {t('contracts.request.button')}
          </Button>
        )}
      </Group>
      {side === 'facility' && canRequest && !thisYear && (
        <Alert color="gray" variant="light" p="sm">
          <Text size="sm">{t('contracts.page.notRequestedYet', { fy: fyName(fiscalYear, i18n.language) })}</Text>
        </Alert>
      )}
      <TableCard
        label={t('contracts.tabs.forms')}
        minWidth={860}
        empty={side === 'facility' ? t('contracts.page.noFormsFacility') : t('contracts.page.noFormsVendor')}
        columns={[
          t('contracts.fields.fiscalYear'),
          t('contracts.fields.status'),
          t('contracts.fields.progress'),
          t('contracts.fields.dates'),
          t('contracts.fields.reminders'),
          t('common.actions'),
        ]}
        rows={forms}
        renderRow={(f) => {
          const fy = fyName(f.fiscalYear, i18n.language);
          const next = nextReminderLine(f, t);
          const editable = f.status === 'requested' || f.status === 'in-progress' || f.status === 'queried';
          return (
            <Table.Tr key={f.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text fw={700} size="sm">
                  {fy}
                </Text>
              </Table.Td>
              <Table.Td>
                <VendorFormStatusBadge status={f.status} />
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm">{t('contracts.answered', { done: f.answeredItems, total: f.itemCount })}</Text>
                  {f.excludedItems.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('contracts.excludedCount', { count: f.excludedItems.length })}
                    </Text>
                  )}
                  {f.openQueries > 0 && (
                    <Badge color="orange" variant="light" size="sm">
                      {t('contracts.openQueries', { count: f.openQueries })}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="xs">{t('contracts.dates.requested', { date: formatDate(f.requestedAt) })}</Text>
                  {f.submittedAt && <Text size="xs">{t('contracts.dates.submitted', { date: formatDate(f.submittedAt) })}</Text>}
                  {f.acceptedAt && <Text size="xs">{t('contracts.dates.accepted', { date: formatDate(f.acceptedAt) })}</Text>}
                  {side === 'facility' && (
                    <Text size="xs" c="dimmed">
                      {t('contracts.dates.to', { email: f.invitedEmail })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {(editable || f.reminderCount > 0) && <Text size="xs">{reminderLine(f, t)}</Text>}
                  {next && (
                    <Text size="xs" c="dimmed">
                      {next}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    component={Link}
                    to={vendorFormPath(f.id)}
                    size="xs"
                    variant={(side === 'vendor' && editable) || (side === 'facility' && f.status === 'submitted') ? 'filled' : 'light'}
                    aria-label={t('contracts.openFormOf', { vendor: contract.vendor.name, title: contract.title, fy })}
                  >
                    {side === 'vendor' && editable ? t('contracts.answerForm') : t('contracts.openForm')}
                  </Button>
                  {side === 'facility' && canRequest && editable && (
                    <Button size="xs" variant="default" onClick={() => setResending(f)} aria-label={t(mailKey('contracts.resend.buttonOf'), { fy })}>
                      {t(mailKey('contracts.resend.button'))}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
      {requesting && <RequestFormModal contract={contract} opened onClose={() => setRequesting(false)} defaultFiscalYear={fiscalYear} />}
      {resending && <ResendInvitationModal form={resending} opened onClose={() => setResending(null)} />}
    </Stack>
  );
}
