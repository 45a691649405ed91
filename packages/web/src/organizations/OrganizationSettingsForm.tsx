import { useEffect } from 'react';
import { Button, Group, Paper, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import type { Organization } from '../api/types';
import { useRefreshSession } from '../auth/session';
import { requiredText } from '../common/validators';
import { organizationKeys } from '../facilities/queries';

export function OrganizationSettingsForm({ organization, editable }: { organization: Organization; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refreshSession = useRefreshSession();
  const onError = useApiErrorHandler();
  const form = useForm({
    initialValues: { name: organization.name, requireTotp: organization.requireTotp },
    validate: { name: requiredText },
  });

  // A reload after a conflict brings a new version: show what is stored now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads the form only when the saved settings change (the form object is stable)
  useEffect(() => {
    form.setValues({ name: organization.name, requireTotp: organization.requireTotp });
    form.resetDirty({ name: organization.name, requireTotp: organization.requireTotp });
  }, [organization.version, organization.id]);

  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      request(
        client.PATCH('/organizations/{organizationId}', {
          params: { path: { organizationId: organization.id } },
          body: { version: organization.version, name: values.name.trim(), requireTotp: values.requireTotp },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(organizationKeys.one(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: organizationKeys.list });
      void refreshSession();
      showSuccess(t('common.saved'));
    },
    onError: (error) => onError(error, form),
  });

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('organization.settings')}
          </Title>
          <TextInput label={t('fields.organizationName')} readOnly={!editable} maw={480} {...form.getInputProps('name')} />
          <Switch
            label={t('fields.requireTotp')}
            description={t('fields.requireTotpHint')}
            disabled={!editable}
            {...form.getInputProps('requireTotp', { type: 'checkbox' })}
          />
          {editable && (
            <Group>
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
