import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, client, request } from '../api/client';
import { useApiErrorHandler } from '../api/errors';
import { useSession, useSignedIn } from '../auth/session';
import { formatDate } from '../common/format';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PublicLayout } from '../layout/PublicLayout';
import { SignUpFields, useSignUpForm } from './SignUpForm';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const onError = useApiErrorHandler();
  const { data: session, isLoading: sessionLoading } = useSession();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => request(client.GET('/invitations/by-token/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const form = useSignUpForm();
  const accept = useMutation({
    mutationFn: (body: { name?: string; password?: string }) =>
      request(client.POST('/invitations/by-token/{token}/accept', { params: { path: { token } }, body })),
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
        {inv.organizationRole === 'admin' && (
          <Text size="sm" fw={700}>
            {t('accept.organizationAdmin', { organization: inv.organizationName })}
          </Text>
        )}
        {inv.facilities.length > 0 && (
          <>
            <Text size="sm" fw={700}>
              {t('accept.facilities')}
            </Text>
            <List size="sm" spacing={4}>
              {inv.facilities.map((f) => (
                <List.Item key={f.name}>
                  <Text size="sm" fw={700} span>
                    {t('accept.facilityRole', { facility: f.name, role: t(`roles.${f.role}`) })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`accept.roleHelp.${f.role}`)}
                  </Text>
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Text size="sm" c="dimmed">
          {t('accept.expires', { date: formatDate(inv.expiresAt) })}
        </Text>
      </Stack>

      {!inv.existingUser && (
        <SignUpFields
          form={form}
          intro={t('accept.newUserIntro')}
          submitLabel={t('accept.register')}
          loading={accept.isPending}
          onSubmit={(body) => accept.mutate(body)}
        />
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
          {signedInAsOther && <Alert color="orange">{t('accept.otherAccount', { current: session.user.email, invited: inv.email })}</Alert>}
          <Button onClick={() => accept.mutate({})} loading={accept.isPending} w="fit-content">
            {t('accept.accept')}
          </Button>
        </Stack>
      )}
    </PublicLayout>
  );
}
