import { Paper } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { client, request } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import { useRefreshSession } from '../auth/session';
import { PageHeader } from '../layout/PageHeader';
import { FacilityForm, type FacilityPayload } from './FacilityForm';
import { facilityKeys, useOrganization } from './queries';

export function FacilityCreatePage() {
  const { t } = useTranslation();
  const { organizationId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refreshSession = useRefreshSession();
  const onError = useApiErrorHandler();
  const organization = useOrganization(organizationId);

  const create = useMutation({
    mutationFn: ({ payload }: { payload: FacilityPayload; form: { setFieldError: (p: string, e: string) => void } }) =>
      request(client.POST('/organizations/{organizationId}/facilities', { params: { path: { organizationId } }, body: payload })),
    onSuccess: (facility) => {
      void queryClient.invalidateQueries({ queryKey: facilityKeys.all });
      void refreshSession();
      showSuccess(t('facility.created'));
      navigate(`/facilities/${facility.id}`);
    },
    onError: (error, { form }) => onError(error, form),
  });

  return (
    <>
      <PageHeader
        title={t('facility.createTitle')}
        description={organization.data ? t('facility.createDescription', { organization: organization.data.name }) : undefined}
      />
      <Paper withBorder radius="md" p="lg">
        <FacilityForm
          submitLabel={t('facility.createSubmit')}
          submitting={create.isPending}
          onSubmit={(payload, form) => create.mutate({ payload, form })}
          onCancel={() => navigate(`/organizations/${organizationId}`)}
        />
      </Paper>
    </>
  );
}
