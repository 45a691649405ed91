import { useEffect } from 'react';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import type { CurrentUser, Locale, SessionInfo } from '../api/types';
import { sessionKey, storeSession } from '../auth/session';
import { requiredText } from '../common/validators';

export function ProfileSection({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const form = useForm({ initialValues: { name: user.name, locale: user.locale as string }, validate: { name: requiredText } });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads the form only when the saved profile changes (the form object is stable)
  useEffect(() => {
    form.setValues({ name: user.name, locale: user.locale });
    form.resetDirty({ name: user.name, locale: user.locale });
  }, [user.name, user.locale]);

  const save = useMutation({
    mutationFn: (values: typeof form.values) => request(client.PATCH('/me', { body: { name: values.name.trim(), locale: values.locale as Locale } })),
    onSuccess: (updated) => {
      const session = queryClient.getQueryData<SessionInfo | null>(sessionKey);
      if (session) storeSession(queryClient, { ...session, user: updated });
      showSuccess(t('common.saved'));
    },
    onError: (error) => onError(error, form),
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm" maw={420}>
        <TextInput label={t('fields.name')} {...form.getInputProps('name')} />
        <TextInput label={t('fields.email')} value={user.email} readOnly description={t('account.emailFixed')} />
        <Select
          label={t('fields.language')}
          data={[
            { value: 'ja', label: '日本語' },
            { value: 'en', label: 'English' },
          ]}
          allowDeselect={false}
          {...form.getInputProps('locale')}
        />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
