import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Input, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { responsibleParties, roleSharingAreas, type ResponsibleParty, type RoleSharingArea } from '@mamori/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import { useCan } from '../auth/actor';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDateTime } from '../common/format';
import { FullPageLoader } from '../layout/FullPageLoader';
import {
  confirmRoleSharing,
  roleSharingExportUrl,
  saveRoleSharing,
  useRoleSharing,
  vendorPortalKeys,
  type ContractView,
  type RoleSharingRow,
  type RoleSharingView,
} from './api';
import { contractScopeOf } from './DisclosuresPanel';
import { pickText } from './labels';
import { LeaveGuardModal, useLeaveGuard } from '../common/LeaveGuard';

type Rows = Record<string, RoleSharingRow>;

function rowsOf(view: RoleSharingView): Rows {
  const saved = new Map(view.rows.map((r) => [r.area, r]));
  return Object.fromEntries(roleSharingAreas.map((a) => [a.id, saved.get(a.id) ?? { area: a.id, responsible: null, action: '', notes: '' }]));
}

const same = (a: Rows, b: Rows) =>
  roleSharingAreas.every((area) => {
    const x = a[area.id];
    const y = b[area.id];
    return x?.responsible === y?.responsible && x?.action === y?.action && x?.notes === y?.notes;
  });

/**
 * The role-sharing table (役割分担表) of one contract: for each area of the ministry's table, who is
 * responsible and what was agreed. Either side saves a proposal; the facility confirms it.
 */
export function RoleSharingPanel({ contract, side }: { contract: ContractView; side: 'facility' | 'vendor' }) {
  const table = useRoleSharing(contract.id);
  if (table.isLoading) return <FullPageLoader />;
  if (table.isError) return <ErrorAlert error={table.error} onRetry={() => void table.refetch()} />;
  if (!table.data) return null;
  return (
    <Editor key={`${contract.id}:${table.data.version ?? 'new'}`} contract={contract} side={side} view={table.data} onReload={() => void table.refetch()} />
  );
}

function Editor({ contract, side, view, onReload }: { contract: ContractView; side: 'facility' | 'vendor'; view: RoleSharingView; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const allowed = useCan();
  const scope = contractScopeOf(contract);
  const canPropose = side === 'vendor' || allowed('roleSharing.propose', scope);
  const canConfirm = side === 'facility' && allowed('roleSharing.confirm', scope);
  const initial = useMemo(() => rowsOf(view), [view]);
  const [rows, setRows] = useState<Rows>(initial);
  const [busy, setBusy] = useState<'save' | 'confirm' | null>(null);
  const [conflict, setConflict] = useState(false);
  const dirty = !same(rows, initial);

  const leaveBlocker = useLeaveGuard(dirty);

  const groups = useMemo(() => {
    const list: { key: string; label: { ja: string; en: string }; areas: RoleSharingArea[] }[] = [];
    for (const area of roleSharingAreas) {
      const last = list.at(-1);
      if (last && last.key === area.group.ja) last.areas.push(area);
      else list.push({ key: area.group.ja, label: area.group, areas: [area] });
    }
    return list;
  }, []);

  const setRow = (area: string, patch: Partial<RoleSharingRow>) => setRows((r) => ({ ...r, [area]: { ...r[area]!, ...patch } }));
  const store = (next: RoleSharingView) => queryClient.setQueryData(vendorPortalKeys.roleSharing(contract.id), next);

  const run = async (kind: 'save' | 'confirm') => {
    setBusy(kind);
    setConflict(false);
    try {
      if (kind === 'save') {
        const next = await saveRoleSharing(contract.id, {
          version: view.version,
          rows: roleSharingAreas.map((a) => {
            const r = rows[a.id]!;
            return { area: a.id, responsible: r.responsible, action: r.action.trim(), notes: r.notes.trim() };
          }),
        });
        showSuccess(t('roleSharing.savedToast'));
        store(next);
      } else {
        const next = await confirmRoleSharing(contract.id, view.version!);
        showSuccess(t('roleSharing.confirmedToast'));
        store(next);
      }
    } catch (error) {
      if (isApiError(error, 'version_conflict')) setConflict(true);
      else onError(error);
    } finally {
      setBusy(null);
    }
  };

  const unassigned = roleSharingAreas.filter((a) => !rows[a.id]?.responsible).length;
  const sideName = (s: 'facility' | 'vendor') => t(`roleSharing.sides.${s}`);

  let status: React.ReactNode;
  if (view.status === 'confirmed' && view.confirmed) {
    status = (
      <Group gap="xs">
        <Badge color="teal" variant="filled">
          {t('roleSharing.status.confirmed')}
        </Badge>
        <Text size="sm">{t('roleSharing.confirmedLine', { by: view.confirmed.by ?? '—', date: formatDateTime(view.confirmed.at) })}</Text>
      </Group>
    );
  } else if (view.status === 'proposed' && view.proposed) {
    status = (
      <Group gap="xs">
        <Badge color="blue" variant="light">
          {t('roleSharing.status.proposed')}
        </Badge>
        <Text size="sm">
          {t('roleSharing.proposedLine', { side: sideName(view.proposed.side), by: view.proposed.by ?? '—', date: formatDateTime(view.proposed.at) })}
        </Text>
      </Group>
    );
  } else {
    status = (
      <Group gap="xs">
        <Badge color="gray" variant="outline">
          {t('roleSharing.status.draft')}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('roleSharing.draftLine')}
        </Text>
      </Group>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 420px' }}>
          <Title order={2} fz="h4">
            {t('roleSharing.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('roleSharing.intro')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button component="a" href={roleSharingExportUrl(contract.id, 'pdf', language)} variant="default" size="sm" download>
            {t('roleSharing.downloadPdf')}
          </Button>
          <Button component="a" href={roleSharingExportUrl(contract.id, 'xlsx', language)} variant="default" size="sm" download>
            {t('roleSharing.downloadXlsx')}
          </Button>
        </Group>
      </Group>

      <Paper withBorder radius="md" p="sm" role="status" aria-label={t('roleSharing.statusLabel')}>
        {status}
      </Paper>

      {conflict && (
        <Alert color="orange" title={t('errors.conflictTitle')} role="alert">
          <Stack gap="xs">
            <Text size="sm">{t('roleSharing.conflict')}</Text>
            <Button
              size="xs"
              variant="light"
              color="orange"
              w="fit-content"
              onClick={() => {
                setConflict(false);
                onReload();
              }}
            >
              {t('roleSharing.reload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {view.status === 'confirmed' && canPropose && (
        <Text size="xs" c="dimmed">
          {t('roleSharing.editAfterConfirm')}
        </Text>
      )}

      {groups.map((group) => (
        <Paper key={group.key} withBorder radius="md" p="md" component="section" aria-label={pickText(group.label, language)}>
          <Stack gap="md">
            <Title order={3} fz="h5">
              {pickText(group.label, language)}
            </Title>
            {group.areas.map((area) => (
              <AreaRow key={area.id} area={area} row={rows[area.id]!} readOnly={!canPropose} onChange={(patch) => setRow(area.id, patch)} />
            ))}
          </Stack>
        </Paper>
      ))}

      {(canPropose || canConfirm) && (
        <Paper withBorder radius="md" p="md" bg="gray.0">
          <Stack gap="xs">
            <Text size="sm" c={dirty ? 'teal.8' : 'dimmed'}>
              {dirty ? t('roleSharing.unsaved') : unassigned > 0 ? t('roleSharing.unassigned', { count: unassigned }) : t('roleSharing.noChanges')}
            </Text>
            <Group gap="sm">
              {canPropose && (
                <Button
                  onClick={() => void run('save')}
                  loading={busy === 'save'}
                  disabled={!dirty && view.version !== null}
                  variant={canConfirm ? 'default' : 'filled'}
                >
                  {t('roleSharing.saveProposal')}
                </Button>
              )}
              {canConfirm && (
                <Button
                  onClick={() => void run('confirm')}
                  loading={busy === 'confirm'}
                  disabled={dirty || view.status !== 'proposed' || view.version === null}
                  color="teal"
                >
                  {t('roleSharing.confirm')}
                </Button>
              )}
              {dirty && (
                <Button variant="subtle" onClick={() => setRows(initial)}>
                  {t('roleSharing.discard')}
                </Button>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {side === 'facility' ? t('roleSharing.hintFacility') : t('roleSharing.hintVendor')}
            </Text>
          </Stack>
        </Paper>
      )}
      <LeaveGuardModal blocker={leaveBlocker} what={t('leave.what.roleSharing')} />
    </Stack>
  );
}

function AreaRow({
  area,
  row,
  readOnly,
  onChange,
}: {
  area: RoleSharingArea;
  row: RoleSharingRow;
  readOnly: boolean;
  onChange: (patch: Partial<RoleSharingRow>) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const label = pickText(area.label, language);
  return (
    <Stack gap="xs" pb="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} aria-label={label} role="group">
      <Group gap="xs" align="baseline" wrap="nowrap">
        <Text fw={700} style={{ flexShrink: 0 }}>
          {area.number}
        </Text>
        <Text fw={700}>{label}</Text>
        {area.checklistItems.map((item) => (
          <Badge key={item} variant="outline" color="gray" size="sm">
            {t('roleSharing.checklistItem', { item })}
          </Badge>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {t('roleSharing.recommendation')} {pickText(area.recommendation, language)}
      </Text>
      <Text size="xs" c="dimmed">
        {area.guidelineRefs.map((ref) => `▶${ref}`).join('　')}
      </Text>
      <Input.Wrapper label={t('roleSharing.responsible')}>
        <SegmentedControl
          mt={4}
          aria-label={t('roleSharing.responsibleLabel', { area: label })}
          value={row.responsible ?? ''}
          onChange={(v) => onChange({ responsible: v as ResponsibleParty })}
          disabled={readOnly}
          data={responsibleParties.map((p) => ({ value: p, label: t(`roleSharing.parties.${p}`) }))}
          color={row.responsible ? 'teal' : 'gray'}
          maw={420}
          fullWidth
        />
      </Input.Wrapper>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Textarea
          label={t('roleSharing.action')}
          aria-label={t('roleSharing.actionLabel', { area: label })}
          value={row.action}
          onChange={(e) => onChange({ action: e.currentTarget.value })}
          readOnly={readOnly}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
        />
        <Textarea
          label={t('roleSharing.notes')}
          aria-label={t('roleSharing.notesLabel', { area: label })}
          value={row.notes}
          onChange={(e) => onChange({ notes: e.currentTarget.value })}
          readOnly={readOnly}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
        />
      </SimpleGrid>
    </Stack>
  );
}
