import { useState } from 'react';
import { Alert, Drawer, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import type { LedgerKind } from '@mamori/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import { DeleteAction } from '../common/DeleteAction';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDateTime } from '../common/format';
import { createRecord, deleteRecord, ledgerKeys, updateRecord, useRecord, type LedgerRecord } from './api';
import { newRecordValues } from './fields';
import { RecordForm, type FormErrorSink, type RecordValues } from './RecordForm';
import { RecordHistory } from './RecordHistory';
import { recordLabel } from './records';

interface Props {
  facilityId: string;
  ledger: LedgerKind;
  /** 'new' to add a record, an id to open one, null when closed. */
  openId: string | null;
  /** The record when the list already has it (saves a request). */
  known: LedgerRecord | undefined;
  canEdit: boolean;
  onClose: () => void;
  onCreated: (record: LedgerRecord) => void;
}

function DeleteRecord({ ledger, record, onDeleted }: { ledger: LedgerKind; record: LedgerRecord; onDeleted: () => void }) {
  const { t } = useTranslation();
  const label = recordLabel(ledger, record);
  return (
    <DeleteAction
      label={t('ledgers.deleteRecord', { label })}
      message={t('ledgers.deleteConfirm', { label })}
      success={t('ledgers.deleted', { label })}
      action={() => deleteRecord(ledger, record.id, record.version)}
      onDone={onDeleted}
      size="sm"
      confirmLabel={t('ledgers.deleteSubmit')}
      position="top-start"
      maw={300}
    />
  );
}

/** Add or edit one record, with its change history; a stale save shows the server's message and reloads. */
export function RecordDrawer({ facilityId, ledger, openId, known, canEdit, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const isNew = openId === 'new';
  const fetched = useRecord(facilityId, ledger, isNew ? null : openId, known);
  const record = isNew ? undefined : (known ?? fetched.data ?? undefined);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('details');

  const refresh = () => queryClient.invalidateQueries({ queryKey: ledgerKeys.facility(facilityId) });
  const close = () => {
    setConflict(null);
    setTab('details');
    onClose();
  };

  const save = async (changes: RecordValues, form: FormErrorSink) => {
    if (!isNew && Object.keys(changes).length === 0) {
      close();
      return;
    }
    setSaving(true);
    setConflict(null);
    try {
      if (isNew) {
        const created = await createRecord(facilityId, ledger, changes);
        showSuccess(t('ledgers.created', { label: recordLabel(ledger, created) }));
        await refresh();
        onCreated(created);
      } else if (record) {
        const updated = await updateRecord(ledger, record.id, { ...changes, version: record.version });
        queryClient.setQueryData(ledgerKeys.record(facilityId, ledger, record.id), updated);
        showSuccess(t('common.saved'));
        await refresh();
        close();
      }
    } catch (error) {
      if (isApiError(error, 'version_conflict')) {
        // Someone else saved first: say so in their words and show what is there now.
        setConflict(error.message);
        await refresh();
      } else {
        handleError(error, form);
      }
    } finally {
      setSaving(false);
    }
  };

  const title = isNew ? t(`ledgers.${ledger}.addTitle`) : record ? recordLabel(ledger, record) : t(`ledgers.${ledger}.title`);
  const initial = isNew ? newRecordValues(ledger) : (record as RecordValues | undefined);

  return (
    <Drawer opened={openId !== null} onClose={close} position="right" size="xl" title={title} padding="lg">
      {!isNew && fetched.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {!isNew && fetched.isError && <ErrorAlert error={fetched.error} onRetry={() => void fetched.refetch()} />}
      {!isNew && !fetched.isLoading && !record && !fetched.isError && <Text c="dimmed">{t('ledgers.recordGone')}</Text>}
      {initial && (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          {!isNew && (
            <Tabs.List mb="md">
              <Tabs.Tab value="details">{t('ledgers.tabs.details')}</Tabs.Tab>
              <Tabs.Tab value="history">{t('ledgers.tabs.history')}</Tabs.Tab>
            </Tabs.List>
          )}
          <Tabs.Panel value="details">
            <Stack gap="md">
              {conflict && (
                <Alert color="orange" title={t('errors.conflictTitle')} role="alert">
                  <Text size="sm">{conflict}</Text>
                  <Text size="sm">{t('ledgers.conflictReloaded')}</Text>
                </Alert>
              )}
              {record && (
                <Text size="xs" c="dimmed">
                  {t('ledgers.updatedAt', { at: formatDateTime(record.updatedAt) })}
                </Text>
              )}
              <RecordForm
                // A reload after a conflict brings a new version: start the form again from it.
                key={record ? `${record.id}-${record.version}` : 'new'}
                ledger={ledger}
                initial={initial}
                readOnly={!canEdit}
                submitting={saving}
                submitLabel={isNew ? t('ledgers.add') : t('common.save')}
                onSubmit={(changes, form) => void save(changes, form)}
                onCancel={close}
              />
              {record && canEdit && (
                <Group>
                  <DeleteRecord
                    ledger={ledger}
                    record={record}
                    onDeleted={() => {
                      void refresh();
                      close();
                    }}
                  />
                </Group>
              )}
            </Stack>
          </Tabs.Panel>
          {record && (
            <Tabs.Panel value="history">
              <RecordHistory facilityId={facilityId} ledger={ledger} recordId={record.id} />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
    </Drawer>
  );
}
