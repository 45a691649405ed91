import { useState } from 'react';
import { Button, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { client, request } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import { useCan } from '../auth/actor';
import { useRefreshSession } from '../auth/session';
import { ErrorAlert } from '../common/ErrorAlert';
import { formatDate } from '../common/format';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PageHeader } from '../layout/PageHeader';
import { FacilityForm, type FacilityPayload } from './FacilityForm';
import { facilityKeys, useFacility } from './queries';
import { SecurityManagerOffer } from './SecurityManagerOffer';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={700}>
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </Stack>
  );
}

export function FacilityPage() {
  const { t } = useTranslation();
  const { facilityId = '' } = useParams();
  const allowed = useCan();
  const queryClient = useQueryClient();
  const refreshSession = useRefreshSession();
  const onError = useApiErrorHandler();
  const facility = useFacility(facilityId);
  const [editing, setEditing] = useState(false);

  const save = useMutation({
    mutationFn: ({ payload, version }: { payload: FacilityPayload; version: number; form: { setFieldError: (p: string, e: string) => void } }) =>
      request(client.PATCH('/facilities/{facilityId}', { params: { path: { facilityId } }, body: { ...payload, version } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(facilityKeys.one(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: facilityKeys.all });
      void refreshSession();
      showSuccess(t('common.saved'));
      setEditing(false);
    },
    onError: (error, { form }) => {
      onError(error, form);
      // The form was built from the stale copy; rebuild it from the reloaded one.
      if ((error as { code?: string }).code === 'version_conflict') setEditing(false);
    },
  });

  if (facility.isLoading) return <FullPageLoader />;
  if (facility.isError) return <ErrorAlert error={facility.error} onRetry={() => void facility.refetch()} />;
  const data = facility.data;
  if (!data) return null;
  const canEdit = allowed('facility.update', { kind: 'facility', organizationId: data.organizationId, facilityId: data.id });

  return (
    <>
      <PageHeader
        title={t('facility.infoTitle')}
        description={t('facility.infoDescription')}
        actions={canEdit && !editing ? <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button> : undefined}
      />
      <SecurityManagerOffer facility={data} />
      <Paper withBorder radius="md" p="lg">
        {editing ? (
          <FacilityForm
            key={data.version}
            initial={data}
            submitLabel={t('common.save')}
            submitting={save.isPending}
            onSubmit={(payload, form) => save.mutate({ payload, version: data.version, form })}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <Field label={t('fields.facilityName')} value={data.name} />
            <Field label={t('fields.kind')} value={t(`facilityKinds.${data.kind}`)} />
            <Field label={t('fields.prefecture')} value={t(`prefectures.${data.prefecture}`, { defaultValue: data.prefecture })} />
            <Field label={t('fields.healthCenter')} value={data.healthCenter} />
            {data.kind === 'hospital' && (
              <Field label={t('fields.bedCount')} value={data.bedCount == null ? '' : t('facility.beds', { count: data.bedCount })} />
            )}
            <Field label={t('common.createdAt')} value={formatDate(data.createdAt)} />
          </SimpleGrid>
        )}
      </Paper>
    </>
  );
}
