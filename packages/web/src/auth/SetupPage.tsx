import { Button, List, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { client, request } from '../api/client';
import { useApiErrorHandler } from '../api/errors';
import { email, password, passwordMin, requiredText } from '../common/validators';
import { PublicLayout } from '../layout/PublicLayout';
import { useSignedIn } from './session';

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const onError = useApiErrorHandler();
  const form = useForm({
    initialValues: { name: '', email: '', password: '', confirm: '' },
    validate: {
      name: requiredText,
      email,
      password,
      confirm: (value, values) => (value === values.password ? null : t('validation.passwordMismatch')),
    },
  });

  const setup = useMutation({
    mutationFn: (values: typeof form.values) =>
      request(client.POST('/setup', { body: { name: values.name.trim(), email: values.email.trim(), password: values.password } })),
    onSuccess: (session) => {
      signedIn(session);
      navigate('/', { replace: true });
    },
    onError: (error) => onError(error, form),
  });

  return (
    <PublicLayout title={t('setup.title')} width={560}>
      <Text>{t('setup.intro')}</Text>
      <List size="sm" c="dimmed" spacing={4}>
        <List.Item>{t('setup.point1')}</List.Item>
        <List.Item>{t('setup.point2')}</List.Item>
        <List.Item>{t('setup.point3')}</List.Item>
      </List>
      <form onSubmit={form.onSubmit((values) => setup.mutate(values))} noValidate>
        <Stack gap="sm">
          <TextInput label={t('fields.name')} autoComplete="name" {...form.getInputProps('name')} />
          <TextInput label={t('fields.email')} type="email" autoComplete="email" {...form.getInputProps('email')} />
          <PasswordInput
            label={t('fields.password')}
            description={t('fields.passwordHint', { min: passwordMin })}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <PasswordInput label={t('fields.passwordConfirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
          <Button type="submit" loading={setup.isPending} mt="sm">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
