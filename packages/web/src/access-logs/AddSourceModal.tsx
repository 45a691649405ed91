import { Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showSuccess } from '../api/errors';
import { createLogSource, invalidateAccessLogs, type LogSourceWithToken } from './api';
import { emptySource, SourceFields, sourceBody, validateSource, type SourceValues } from './SourceFields';
import { useSubmit } from '../common/useSubmit';
import { FormActions } from '../common/FormActions';

/** 取得元を追加: a server or system whose logs Mamori keeps; the new token is handed to `onCreated` to show once. */
export function AddSourceModal({
  facilityId,
  opened,
  canReadLedgers,
  onClose,
  onCreated,
}: {
  facilityId: string;
  opened: boolean;
  canReadLedgers: boolean;
  onClose: () => void;
  onCreated: (created: LogSourceWithToken) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('accessLogs.add.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened && <AddSourceForm facilityId={facilityId} canReadLedgers={canReadLedgers} onCancel={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function AddSourceForm({
  facilityId,
  canReadLedgers,
  onCancel,
  onCreated,
}: {
  facilityId: string;
  canReadLedgers: boolean;
  onCancel: () => void;
  onCreated: (created: LogSourceWithToken) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { busy, run } = useSubmit();
  const form = useForm<SourceValues>({ initialValues: emptySource, validate: validateSource(t) });
  const submit = form.onSubmit(async (values) => {
    await run(
      async () => {
        const created = await createLogSource(facilityId, { ...sourceBody(values), columnMapping: null });
        await invalidateAccessLogs(queryClient, facilityId);
        showSuccess(t('accessLogs.add.created', { name: created.source.name }));
        onCreated(created);
      },
      { form },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SourceFields facilityId={facilityId} form={form} canReadLedgers={canReadLedgers} hasMapping={false} />
        <FormActions onCancel={onCancel} busy={busy} submitLabel={t('accessLogs.add.submit')} />
      </Stack>
    </form>
  );
}
