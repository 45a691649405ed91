import { useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Progress, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { vendorFormStatuses, vendorMayEditForm, type VendorFormStatus } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDate } from '../common/format';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { useVendorMemberships } from './access';
import { useVendorContracts, type ContractView, type VendorFormSummary } from './api';
import { ApplyAnswerSetModal, type SelectedForm } from './ApplyAnswerSetModal';
import { fyLabel } from './labels';
import { VendorFormStatusBadge } from '../contracts/status';

/** One line of the list: a contract's form of one fiscal year, or a contract nobody has asked about yet. */
interface Row {
  contract: ContractView;
  form: VendorFormSummary | null;
}

const notSubmitted = (status: VendorFormStatus) => status === 'requested' || status === 'in-progress';
/** Reminders matter while the vendor still owes the answer. */
const remindedNow = (form: VendorFormSummary) => notSubmitted(form.status) && form.reminderCount > 0;
const normalize = (text: string) => text.normalize('NFKC').toLowerCase().trim();

type StatusFilter = VendorFormStatus | 'todo' | '';

export function VendorHomePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const vendors = useVendorMemberships();
  const contracts = useVendorContracts(vendors.length > 0);
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const status = (params.get('status') ?? '') as StatusFilter;
  const year = params.get('year') ?? '';
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [applying, setApplying] = useState(false);

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const all = contracts.data ?? [];
  const rows = useMemo<Row[]>(() => {
    const list: Row[] = [];
    for (const contract of all) {
      if (contract.forms.length === 0) list.push({ contract, form: null });
      for (const form of [...contract.forms].sort((a, b) => b.fiscalYear - a.fiscalYear)) list.push({ contract, form });
    }
    return list;
  }, [all]);

  const years = useMemo(() => [...new Set(rows.flatMap((r) => (r.form ? [r.form.fiscalYear] : [])))].sort((a, b) => b - a), [rows]);

  const visible = rows.filter((row) => {
    if (search && !normalize(row.contract.facilityName).includes(normalize(search))) return false;
    if (status || year) {
      if (!row.form) return false;
      if (year && String(row.form.fiscalYear) !== year) return false;
      if (status === 'todo' && !vendorMayEditForm(row.form.status)) return false;
      if (status && status !== 'todo' && row.form.status !== status) return false;
    }
    return true;
  });

  const groups = useMemo(() => {
    const byFacility = new Map<string, { facilityId: string; facilityName: string; rows: Row[] }>();
    for (const row of visible) {
      const key = row.contract.facilityId;
      if (!byFacility.has(key)) byFacility.set(key, { facilityId: key, facilityName: row.contract.facilityName, rows: [] });
      byFacility.get(key)!.rows.push(row);
    }
    return [...byFacility.values()].sort((a, b) => a.facilityName.localeCompare(b.facilityName, 'ja'));
  }, [visible]);

  const formsById = useMemo(() => {
    const map = new Map<string, SelectedForm>();
    for (const row of rows) if (row.form) map.set(row.form.id, { form: row.form, contract: row.contract });
    return map;
  }, [rows]);
  // Only forms that are still in the list (a reload may drop or lock some).
  const selectedForms = [...selected].map((id) => formsById.get(id)).filter((f): f is SelectedForm => !!f && vendorMayEditForm(f.form.status));

  const toggle = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  if (contracts.isLoading) return <FullPageLoader />;

  const reminded = rows.filter((r) => r.form && remindedNow(r.form));
  const queried = rows.filter((r) => r.form?.status === 'queried');

  const header = (
    <PageHeader
      title={t('vendorPortal.home.title')}
      description={
        vendors.length > 0 ? t('vendorPortal.home.description', { vendors: vendors.map((v) => v.name).join('、') }) : t('vendorPortal.home.descriptionNone')
      }
      actions={
        vendors.length > 0 && (
          <Button component={Link} to="/vendor/answer-sets" variant="default">
            {t('vendorPortal.home.toAnswerSets')}
          </Button>
        )
      }
    />
  );

  if (vendors.length === 0) {
    return (
      <>
        {header}
        <Alert color="gray" title={t('vendorPortal.home.noVendorTitle')}>
          {t('vendorPortal.home.noVendorBody')}
        </Alert>
      </>
    );
  }
  if (contracts.isError) {
    return (
      <>
        {header}
        <ErrorAlert error={contracts.error} onRetry={() => void contracts.refetch()} />
      </>
    );
  }

  return (
    <>
      {header}
      <Stack gap="md">
        {reminded.length > 0 && (
          <Alert color="orange" title={t('vendorPortal.home.remindedTitle', { count: reminded.length })} role="status">
            {t('vendorPortal.home.remindedBody')}
          </Alert>
        )}
        {queried.length > 0 && (
          <Alert color="red" variant="light" title={t('vendorPortal.home.queriedTitle', { count: queried.length })}>
            {t('vendorPortal.home.queriedBody')}
          </Alert>
        )}

        {rows.length === 0 ? (
          <Paper withBorder radius="md" p="xl">
            <Stack gap="xs">
              <Text fw={700}>{t('vendorPortal.home.emptyTitle')}</Text>
              <Text size="sm" c="dimmed" maw={640}>
                {t('vendorPortal.home.emptyBody')}
              </Text>
            </Stack>
          </Paper>
        ) : (
          <>
            <Paper withBorder radius="md" p="md">
              <Group align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  label={t('vendorPortal.home.searchFacility')}
                  placeholder={t('vendorPortal.home.searchPlaceholder')}
                  value={search}
                  onChange={(event) => setParam('q', event.currentTarget.value)}
                  w={260}
                />
                <Select
                  label={t('vendorPortal.home.filterStatus')}
                  data={[
                    { value: '', label: t('vendorPortal.home.allStatuses') },
                    { value: 'todo', label: t('vendorPortal.home.todo') },
                    ...vendorFormStatuses.map((s) => ({ value: s, label: t(`contracts.status.${s}`) })),
                  ]}
                  value={status}
                  onChange={(value) => setParam('status', value)}
                  allowDeselect={false}
                  w={240}
                />
                <Select
                  label={t('vendorPortal.home.filterYear')}
                  data={[{ value: '', label: t('vendorPortal.home.allYears') }, ...years.map((y) => ({ value: String(y), label: fyLabel(y, language) }))]}
                  value={year}
                  onChange={(value) => setParam('year', value)}
                  allowDeselect={false}
                  w={170}
                />
              </Group>
            </Paper>

            <Paper withBorder radius="md" p="sm" bg={selectedForms.length ? 'teal.0' : undefined}>
              <Group justify="space-between" gap="sm">
                <Text size="sm">
                  {selectedForms.length ? t('vendorPortal.home.selectedCount', { count: selectedForms.length }) : t('vendorPortal.home.selectHint')}
                </Text>
                <Group gap="xs">
                  {selectedForms.length > 0 && (
                    <Button variant="subtle" size="sm" onClick={() => setSelected(new Set())}>
                      {t('vendorPortal.home.clearSelection')}
                    </Button>
                  )}
                  <Button onClick={() => setApplying(true)} disabled={selectedForms.length === 0}>
                    {t('vendorPortal.home.applyAnswerSet')}
                  </Button>
                </Group>
              </Group>
            </Paper>

            {groups.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('vendorPortal.home.noMatch')}
              </Text>
            )}
            {groups.map((group) => (
              <FacilityGroup key={group.facilityId} name={group.facilityName} rows={group.rows} selected={selected} onToggle={toggle} />
            ))}
          </>
        )}
      </Stack>
      <ApplyAnswerSetModal opened={applying} forms={selectedForms} onClose={() => setApplying(false)} onApplied={(formIds) => toggle(formIds, false)} />
    </>
  );
}

function FacilityGroup({
  name,
  rows,
  selected,
  onToggle,
}: {
  name: string;
  rows: Row[];
  selected: Set<string>;
  onToggle: (ids: string[], on: boolean) => void;
}) {
  const { t } = useTranslation();
  const selectable = rows.flatMap((r) => (r.form && vendorMayEditForm(r.form.status) ? [r.form.id] : []));
  const chosen = selectable.filter((id) => selected.has(id)).length;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={name}>
      <Stack gap="xs">
        <Title order={2} fz="h4">
          {name}
        </Title>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" layout="fixed" aria-label={t('vendorPortal.home.tableLabel', { facility: name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('vendorPortal.home.selectAllOf', { facility: name })}
                    checked={selectable.length > 0 && chosen === selectable.length}
                    indeterminate={chosen > 0 && chosen < selectable.length}
                    disabled={selectable.length === 0}
                    onChange={(event) => onToggle(selectable, event.currentTarget.checked)}
                  />
                </Table.Th>
                <Table.Th>{t('vendorPortal.home.colContract')}</Table.Th>
                <Table.Th w={92}>{t('vendorPortal.home.colYear')}</Table.Th>
                <Table.Th w={96}>{t('vendorPortal.home.colStatus')}</Table.Th>
                <Table.Th w={112}>{t('vendorPortal.home.colProgress')}</Table.Th>
                <Table.Th w={136}>{t('vendorPortal.home.colRequested')}</Table.Th>
                <Table.Th w={104}>{t('vendorPortal.home.colSignals')}</Table.Th>
                <Table.Th w={96} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <FormRow key={row.form?.id ?? row.contract.id} row={row} selected={!!row.form && selected.has(row.form.id)} onToggle={onToggle} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

function FormRow({ row, selected, onToggle }: { row: Row; selected: boolean; onToggle: (ids: string[], on: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { contract, form } = row;
  const contractCell = (
    <Table.Td>
      <Stack gap={0}>
        <Anchor component={Link} to={`/contracts/${contract.id}`} fw={700} size="sm">
          {contract.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {contract.vendor.name} ・ {contract.systems.join('、')}
        </Text>
      </Stack>
    </Table.Td>
  );
  if (!form) {
    return (
      <Table.Tr>
        <Table.Td />
        {contractCell}
        <Table.Td colSpan={6}>
          <Text size="sm" c="dimmed">
            {t('vendorPortal.home.noForms')}
          </Text>
        </Table.Td>
      </Table.Tr>
    );
  }
  const fy = fyLabel(form.fiscalYear, i18n.language);
  const editable = vendorMayEditForm(form.status);
  const name = t('vendorPortal.home.formName', { fy, contract: contract.title, facility: contract.facilityName });
  const reminded = remindedNow(form);
  return (
    <Table.Tr bg={selected ? 'teal.0' : reminded ? 'orange.0' : undefined}>
      <Table.Td>
        <Tooltip label={t('vendorPortal.home.notSelectable')} disabled={editable} withinPortal>
          <Checkbox
            aria-label={t('vendorPortal.home.selectForm', { name })}
            checked={selected}
            disabled={!editable}
            onChange={(event) => onToggle([form.id], event.currentTarget.checked)}
          />
        </Tooltip>
      </Table.Td>
      {contractCell}
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{fy}</Table.Td>
      <Table.Td>
        <VendorFormStatusBadge status={form.status} />
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="xs">{t('vendorPortal.home.answered', { done: form.answeredItems, total: form.itemCount })}</Text>
          <Progress
            value={form.itemCount ? (form.answeredItems / form.itemCount) * 100 : 0}
            size="sm"
            color={form.answeredItems >= form.itemCount ? 'teal' : 'orange'}
            aria-hidden
          />
        </Stack>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{formatDate(form.requestedAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          {form.reminderCount > 0 && (
            <Tooltip label={t('vendorPortal.home.remindedAt', { date: formatDate(form.remindedAt) })} withinPortal multiline maw={260}>
              <Badge color={reminded ? 'orange' : 'gray'} variant={reminded ? 'filled' : 'light'} styles={{ label: { overflow: 'visible' } }}>
                {t('vendorPortal.home.reminders', { count: form.reminderCount })}
              </Badge>
            </Tooltip>
          )}
          {form.openQueries > 0 && (
            <Badge color="red" variant="light" styles={{ label: { overflow: 'visible' } }}>
              {t('vendorPortal.home.questions', { count: form.openQueries })}
            </Badge>
          )}
          {form.reminderCount === 0 && form.openQueries === 0 && (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Button
          component={Link}
          to={`/vendor-forms/${form.id}`}
          size="xs"
          variant={editable ? 'filled' : 'light'}
          aria-label={t('vendorPortal.home.openLabel', { name })}
          style={{ whiteSpace: 'nowrap' }}
        >
          {editable ? t('vendorPortal.home.answer') : t('vendorPortal.home.view')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
