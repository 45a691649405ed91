import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import { tokensKey } from './TokensSection';
import { password, passwordMin, requiredText } from '../common/validators';

/** Changes the password and says what else changed: other devices signed out, personal API tokens revoked. */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: requiredText,
      newPassword: (value, values) => password(value) ?? (value === values.currentPassword ? t('validation.passwordSame') : null),
      confirm: (value, values) => (value === values.newPassword ? null : t('validation.passwordMismatch')),
    },
  });
  const change = useMutation({
    mutationFn: (values: typeof form.values) =>
      request(client.POST('/me/password', { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } })),
    onSuccess: ({ revokedTokens }) => {
      form.reset();
      showSuccess(revokedTokens > 0 ? t('account.passwordChangedTokensRevoked', { count: revokedTokens }) : t('account.passwordChanged'));
      void queryClient.invalidateQueries({ queryKey: tokensKey });
      onChanged?.();
    },
    onError: (error) => onError(error, form),
  });

  return (
    <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
      <Stack gap="sm" maw={420}>
        <Text size="sm" c="dimmed">
          {t('account.passwordChangeEffects')}
        </Text>
        <PasswordInput label={t('fields.currentPassword')} autoComplete="current-password" {...form.getInputProps('currentPassword')} />
        <PasswordInput
          label={t('fields.newPassword')}
          description={t('fields.passwordHint', { min: passwordMin })}
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput label={t('fields.newPasswordConfirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
        <Button type="submit" loading={change.isPending} w="fit-content">
          {t('account.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
