import { useState } from 'react';
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { bcpRecordKinds, todayInTokyo } from '@mamori/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showSuccess, useApiErrorHandler } from '../../api/errors';
import { formatDay } from '../../checklist/dates';
import { DayInput } from '../../checklist/RoundFields';
import { DeleteAction } from '../../common/DeleteAction';
import { TableCard } from '../../common/TableCard';
import { addBcpRecord, deleteBcpRecord, type BcpRecord, type BcpRecordKind } from '../api';
import { invalidateReadiness } from '../shared';

function AddRecord({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const today = todayInTokyo();
  const [kind, setKind] = useState<BcpRecordKind>('review');
  const [heldOn, setHeldOn] = useState<string | null>(today);
  const [participants, setParticipants] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const sink = { setFieldError: (path: string, error: string) => setErrors((prev) => ({ ...prev, [path]: error })) };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!heldOn) next.heldOn = t('validation.required');
    else if (heldOn > today) next.heldOn = t('readiness.bcp.records.future');
    setErrors(next);
    if (Object.keys(next).length > 0 || !heldOn) return;
    setBusy(true);
    try {
      const view = await addBcpRecord(facilityId, { kind, heldOn, participants: participants.trim(), notes: notes.trim() });
      queryClient.setQueryData(['readiness', facilityId, 'bcp'], view);
      await invalidateReadiness(queryClient, facilityId);
      showSuccess(t('readiness.bcp.records.added', { kind: t(`readiness.bcp.records.kinds.${kind}`), date: formatDay(heldOn) }));
      setParticipants('');
      setNotes('');
    } catch (error) {
      handleError(error, sink);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      bg="gray.0"
      component="form"
      onSubmit={(e: React.FormEvent) => void submit(e)}
      noValidate
      aria-label={t('readiness.bcp.records.addTitle')}
    >
      <Stack gap="sm">
        <Text fw={600} size="sm">
          {t('readiness.bcp.records.addTitle')}
        </Text>
        <Group align="flex-end" gap="md" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="bcp-record-kind">
              {t('readiness.bcp.records.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="bcp-record-kind"
              value={kind}
              onChange={(v) => setKind(v as BcpRecordKind)}
              data={bcpRecordKinds.map((k) => ({ value: k, label: t(`readiness.bcp.records.kinds.${k}`) }))}
            />
          </Stack>
          <DayInput
            label={t('readiness.bcp.records.heldOn')}
            ariaLabel={t('readiness.bcp.records.heldOn')}
            value={heldOn}
            onChange={setHeldOn}
            maxDate={today}
            error={errors.heldOn}
          />
          <TextInput
            label={t('readiness.bcp.records.participants')}
            placeholder={t('readiness.bcp.records.participantsPlaceholder')}
            value={participants}
            onChange={(e) => setParticipants(e.currentTarget.value)}
            maxLength={500}
            error={errors.participants}
            style={{ flex: '1 1 260px' }}
          />
        </Group>
        <Textarea
          label={t('readiness.bcp.records.notes')}
          placeholder={t(`readiness.bcp.records.notesPlaceholder.${kind}`)}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={4000}
          error={errors.notes}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('readiness.bcp.records.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function DeleteRecord({ facilityId, record }: { facilityId: string; record: BcpRecord }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const label = t('readiness.bcp.records.label', { kind: t(`readiness.bcp.records.kinds.${record.kind}`), date: formatDay(record.heldOn) });
  return (
    <DeleteAction
      label={t('readiness.bcp.records.deleteOf', { label })}
      message={t('readiness.bcp.records.deleteConfirm', { label })}
      success={t('readiness.bcp.records.deleted', { label })}
      action={async () => {
        await deleteBcpRecord(record.id);
        await invalidateReadiness(queryClient, facilityId);
      }}
    />
  );
}

/** Reviews (見直し) and drills (訓練) of the BCP, newest first, with a form to add one. */
export function BcpRecords({ facilityId, records, canEdit }: { facilityId: string; records: BcpRecord[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const sorted = [...records].sort((a, b) => (a.heldOn === b.heldOn ? (a.createdAt < b.createdAt ? 1 : -1) : a.heldOn < b.heldOn ? 1 : -1));
  return (
    <Stack gap="sm">
      <TableCard
        label={t('readiness.bcp.records.title')}
        minWidth={600}
        empty={t('readiness.bcp.records.none')}
        columns={[
          t('readiness.bcp.records.heldOn'),
          t('readiness.bcp.records.kind'),
          t('readiness.bcp.records.participants'),
          t('readiness.bcp.records.notes'),
          t('readiness.bcp.records.recordedBy'),
          canEdit && t('common.actions'),
        ]}
        rows={sorted}
        renderRow={(r) => (
          <Table.Tr key={r.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(r.heldOn)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={r.kind === 'drill' ? 'indigo' : 'teal'}>
                {t(`readiness.bcp.records.kinds.${r.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{r.participants || '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.notes || '—'}</Table.Td>
            <Table.Td>{r.recordedBy ?? '—'}</Table.Td>
            {canEdit && (
              <Table.Td>
                <DeleteRecord facilityId={facilityId} record={r} />
              </Table.Td>
            )}
          </Table.Tr>
        )}
      />
      {canEdit && <AddRecord facilityId={facilityId} />}
    </Stack>
  );
}
