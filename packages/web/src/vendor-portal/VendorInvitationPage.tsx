import { Alert, Button, List, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, client, request } from '../api/client';
import { useApiErrorHandler } from '../api/errors';
import { useSession, useSignedIn, useSignedOut } from '../auth/session';
import { formatDate } from '../common/format';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PublicLayout } from '../layout/PublicLayout';
import { SignUpFields, useSignUpForm } from '../invitations/SignUpForm';
import { vendorHome } from './access';
import { acceptVendorInvitation, useVendorInvitation } from './api';

/** /vendor-invite/:token: a facility asks a vendor's staff member to fill in the vendor form of a contract. */
export function VendorInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const signedOut = useSignedOut();
  const onError = useApiErrorHandler();
  const { data: session, isLoading: sessionLoading } = useSession();
  const preview = useVendorInvitation(token);
  const form = useSignUpForm();
  const accept = useMutation({
    mutationFn: (body: { name?: string; password?: string }) => acceptVendorInvitation(token, body),
    onSuccess: (result) => {
      signedIn(result);
      navigate(vendorHome, { replace: true });
    },
    onError: (error) => onError(error, form),
  });
  // Signed in as someone else: leave that account here, staying on the invitation.
  const leave = useMutation({
    mutationFn: () => request(client.POST('/auth/logout')),
    onSuccess: () => signedOut(),
    onError: (error) => onError(error),
  });

  if (preview.isLoading || sessionLoading) return <FullPageLoader />;
  if (preview.isError || !preview.data) {
    // Used, expired, revoked or a link cut short by the mail program: all the same to the reader.
    const invalid = preview.error instanceof ApiError && preview.error.status >= 400 && preview.error.status < 500;
    return (
      <PublicLayout title={t('vendorInvite.title')}>
        <Alert color="orange" role="alert" title={invalid ? t('vendorInvite.invalidTitle') : undefined}>
          {invalid ? t('vendorInvite.invalid') : preview.error instanceof ApiError ? preview.error.message : t('errors.unknown')}
        </Alert>
        <Button component={Link} to="/login" variant="default" w="fit-content">
          {t('vendorInvite.toLogin')}
        </Button>
      </PublicLayout>
    );
  }

  const inv = preview.data;
  const signedInAsOther = !!session && session.user.email.toLowerCase() !== inv.email.toLowerCase();
  const back = `/vendor-invite/${encodeURIComponent(token)}`;

  return (
    <PublicLayout title={t('vendorInvite.title')} width={600}>
      <Text>{t('vendorInvite.intro', { facility: inv.facilityName, vendor: inv.vendorName })}</Text>
      <Paper withBorder radius="md" p="md" bg="gray.0">
        <Stack gap={4}>
          <Text size="sm">
            <b>{t('vendorInvite.facility')}</b> {inv.facilityName}
          </Text>
          <Text size="sm">
            <b>{t('vendorInvite.vendor')}</b> {inv.vendorName}
          </Text>
          <Text size="sm">
            <b>{t('vendorInvite.contract')}</b> {inv.contractTitle}
          </Text>
          <Text size="sm">
            <b>{t('vendorInvite.fiscalYear')}</b> {inv.fiscalYearLabel}
          </Text>
          <Text size="sm">
            <b>{t('vendorInvite.email')}</b> {inv.email}
          </Text>
          <Text size="xs" c="dimmed">
            {t('vendorInvite.expires', { date: formatDate(inv.expiresAt) })}
          </Text>
        </Stack>
      </Paper>
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t('vendorInvite.nextTitle')}
        </Text>
        <List size="sm" type="ordered" spacing={2}>
          <List.Item>{t('vendorInvite.next1')}</List.Item>
          <List.Item>{t('vendorInvite.next2')}</List.Item>
          <List.Item>{t('vendorInvite.next3', { facility: inv.facilityName })}</List.Item>
        </List>
      </Stack>

      {!inv.existingUser && !session && (
        <SignUpFields
          form={form}
          intro={t('vendorInvite.newUserIntro', { email: inv.email })}
          submitLabel={t('vendorInvite.register')}
          loading={accept.isPending}
          onSubmit={(body) => accept.mutate(body)}
        />
      )}

      {inv.existingUser && !session && (
        <Stack gap="sm">
          <Alert color="blue">{t('vendorInvite.signInFirst', { email: inv.email })}</Alert>
          <Button component={Link} to={`/login?next=${encodeURIComponent(back)}`} w="fit-content">
            {t('vendorInvite.signInButton')}
          </Button>
        </Stack>
      )}

      {session && (
        <Stack gap="sm">
          {signedInAsOther && (
            <Alert color="orange">
              <Stack gap="xs">
                <Text size="sm">{t('vendorInvite.otherAccount', { current: session.user.email, invited: inv.email })}</Text>
                <Button size="xs" variant="default" w="fit-content" loading={leave.isPending} onClick={() => leave.mutate()}>
                  {t('vendorInvite.signOutOther', { invited: inv.email })}
                </Button>
              </Stack>
            </Alert>
          )}
          <Text size="sm">{t('vendorInvite.acceptIntro', { vendor: inv.vendorName })}</Text>
          <Button onClick={() => accept.mutate({})} loading={accept.isPending} w="fit-content">
            {t('vendorInvite.accept')}
          </Button>
        </Stack>
      )}
    </PublicLayout>
  );
}
