import { Alert, Button, List, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { useApiErrorHandler } from '../api/errors';
import type { InvitationPreview, SessionInfo } from '../api/types';
import { useSession, useSignedIn } from '../auth/session';
import { formatDate } from '../common/format';
import { password, passwordMin, requiredText } from '../common/validators';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PublicLayout } from '../layout/PublicLayout';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const onError = useApiErrorHandler();
  const { data: session, isLoading: sessionLoading } = useSession();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<InvitationPreview>(`/invitations/by-token/${encodeURIComponent(token)}`),
    retry: false,
  });
  const form = useForm({
    initialValues: { name: '', password: '', confirm: '' },
    validate: {
      name: requiredText,
      password,
      confirm: (value, values) => (value === values.password ? null : t('validation.passwordMismatch')),
    },
  });
  const accept = useMutation({
    mutationFn: (body: { name?: string; password?: string }) =>
      api<SessionInfo>(`/invitations/by-token/${encodeURIComponent(token)}/accept`, { method: 'POST', body }),
    onSuccess: (result) => {
      signedIn(result);
      navigate('/', { replace: true });
    },
    onError: (error) => onError(error, form),
  });

  if (preview.isLoading || sessionLoading) return <FullPageLoader />;
  if (preview.isError || !preview.data) {
    return (
      <PublicLayout title={t('accept.title')}>
        <Alert color="orange">{preview.error instanceof ApiError ? preview.error.message : t('errors.unknown')}</Alert>
        <Button component={Link} to="/login" variant="default" w="fit-content">
          {t('accept.toLogin')}
        </Button>
      </PublicLayout>
    );
  }

  const inv = preview.data;
  const signedInAsOther = !!session && session.user.email.toLowerCase() !== inv.email.toLowerCase();

  return (
    <PublicLayout title={t('accept.title')} width={560}>
      <Text>{t('accept.intro', { organization: inv.organizationName })}</Text>
      <Stack gap={4}>
        <Text size="sm">
          <b>{t('accept.email')}</b> {inv.email}
        </Text>
        {inv.facilityNames.length > 0 && (
          <>
            <Text size="sm" fw={700}>
              {t('accept.facilities')}
            </Text>
            <List size="sm">
              {inv.facilityNames.map((name) => (
                <List.Item key={name}>{name}</List.Item>
              ))}
            </List>
          </>
        )}
        <Text size="sm" c="dimmed">
          {t('accept.expires', { date: formatDate(inv.expiresAt) })}
        </Text>
      </Stack>

      {!inv.existingUser && (
        <form onSubmit={form.onSubmit((values) => accept.mutate({ name: values.name.trim(), password: values.password }))} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('accept.newUserIntro')}</Text>
            <TextInput label={t('fields.name')} autoComplete="name" {...form.getInputProps('name')} />
            <PasswordInput
              label={t('fields.password')}
              description={t('fields.passwordHint', { min: passwordMin })}
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            <PasswordInput label={t('fields.passwordConfirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
            <Button type="submit" loading={accept.isPending} mt="sm">
              {t('accept.register')}
            </Button>
          </Stack>
        </form>
      )}

      {inv.existingUser && !session && (
        <Stack gap="sm">
          <Alert color="blue">{t('accept.signInFirst', { email: inv.email })}</Alert>
          <Button component={Link} to={`/login?next=${encodeURIComponent(`/invite/${token}`)}`} w="fit-content">
            {t('accept.signInButton')}
          </Button>
        </Stack>
      )}

      {inv.existingUser && session && (
        <Stack gap="sm">
          {signedInAsOther && (
            <Alert color="orange">{t('accept.otherAccount', { current: session.user.email, invited: inv.email })}</Alert>
          )}
          <Button onClick={() => accept.mutate({})} loading={accept.isPending} w="fit-content">
            {t('accept.accept')}
          </Button>
        </Stack>
      )}
    </PublicLayout>
  );
}
