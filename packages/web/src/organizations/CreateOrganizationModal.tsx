import { Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { client, request } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import { useRefreshSession } from '../auth/session';
import { requiredText } from '../common/validators';
import { organizationKeys } from '../facilities/queries';

export function CreateOrganizationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refreshSession = useRefreshSession();
  const onError = useApiErrorHandler();
  const form = useForm({ initialValues: { name: '', requireTotp: false }, validate: { name: requiredText } });

  const create = useMutation({
    mutationFn: (values: typeof form.values) => request(client.POST('/organizations', { body: { name: values.name.trim(), requireTotp: values.requireTotp } })),
    onSuccess: (organization) => {
      void queryClient.invalidateQueries({ queryKey: organizationKeys.all });
      void refreshSession();
      showSuccess(t('organizations.created'));
      form.reset();
      onClose();
      navigate(`/organizations/${organization.id}`);
    },
    onError: (error) => onError(error, form),
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('organizations.createTitle')}>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="sm">
          <TextInput label={t('fields.organizationName')} description={t('fields.organizationNameHint')} data-autofocus {...form.getInputProps('name')} />
          <Switch label={t('fields.requireTotp')} description={t('fields.requireTotpHint')} {...form.getInputProps('requireTotp', { type: 'checkbox' })} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('organizations.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
