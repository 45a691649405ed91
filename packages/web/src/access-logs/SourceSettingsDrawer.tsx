import { useState } from 'react';
import { Alert, Button, Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showSuccess } from '../api/errors';
import { invalidateAccessLogs, reissueLogToken, updateLogSource, type LogSource, type LogSourceWithToken } from './api';
import { ColumnMappingSection } from './ColumnMappingSection';
import { SourceFields, sourceBody, sourceValues, validateSource, type SourceValues } from './SourceFields';
import { useSubmit } from '../common/useSubmit';
import { FormActions } from '../common/FormActions';

/** A source's settings (managers and planners): its fields, and a new ingest token when the old one leaked or was lost. */
export function SourceSettingsDrawer({
  facilityId,
  source,
  opened,
  canReadLedgers,
  onClose,
  onReissued,
}: {
  facilityId: string;
  source: LogSource;
  opened: boolean;
  canReadLedgers: boolean;
  onClose: () => void;
  onReissued: (result: LogSourceWithToken) => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      padding="lg"
      title={t('accessLogs.sourceSettings.title', { name: source.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && (
        <Stack gap="lg">
          <SettingsForm key={source.version} facilityId={facilityId} source={source} canReadLedgers={canReadLedgers} onDone={onClose} />
          <Divider />
          <ColumnMappingSection key={`mapping-${source.version}`} facilityId={facilityId} source={source} />
          <Divider />
          <ReissueToken facilityId={facilityId} source={source} onReissued={onReissued} />
        </Stack>
      )}
    </Drawer>
  );
}

function SettingsForm({ facilityId, source, canReadLedgers, onDone }: { facilityId: string; source: LogSource; canReadLedgers: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { busy, run } = useSubmit();
  const form = useForm<SourceValues>({ initialValues: sourceValues(source), validate: validateSource(t) });
  const submit = form.onSubmit(async (values) => {
    const body = sourceBody(values);
    const before = sourceBody(sourceValues(source));
    const changes = Object.fromEntries(Object.entries(body).filter(([key, value]) => before[key as keyof typeof before] !== value));
    // A version conflict shows the app's conflict message and reloads the source; the form then starts from it.
    await run(
      async () => {
        if (Object.keys(changes).length > 0) await updateLogSource(source.id, { ...changes, version: source.version });
        await invalidateAccessLogs(queryClient, facilityId);
        showSuccess(t('common.saved'));
        onDone();
      },
      { form },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SourceFields facilityId={facilityId} form={form} canReadLedgers={canReadLedgers} hasMapping={source.columnMapping !== null} />
        <FormActions onCancel={onDone} busy={busy} />
      </Stack>
    </form>
  );
}

function ReissueToken({ facilityId, source, onReissued }: { facilityId: string; source: LogSource; onReissued: (result: LogSourceWithToken) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const { busy, run } = useSubmit();
  const reissue = () =>
    run(async () => {
      const result = await reissueLogToken(source.id, source.version);
      await invalidateAccessLogs(queryClient, facilityId);
      setConfirming(false);
      showSuccess(t('accessLogs.sourceSettings.reissued', { name: source.name }));
      onReissued(result);
    });
  return (
    <Stack gap="sm" component="section" aria-labelledby="reissue-title">
      <Title order={3} fz="h6" id="reissue-title">
        {t('accessLogs.sourceSettings.tokenTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('accessLogs.sourceSettings.tokenBody')}
      </Text>
      {confirming ? (
        <Alert color="orange" title={t('accessLogs.sourceSettings.confirmTitle')}>
          <Stack gap="sm">
            <Text size="sm">{t('accessLogs.sourceSettings.confirmBody')}</Text>
            <Group gap="sm">
              <Button color="orange" loading={busy} onClick={() => void reissue()}>
                {t('accessLogs.sourceSettings.confirm')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Group>
          <Button variant="default" onClick={() => setConfirming(true)}>
            {t('accessLogs.sourceSettings.reissue')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
