import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { useSignOut } from '../auth/useSignOut';
import { PageHeader } from '../layout/PageHeader';
import { PreferencesSection } from '../notifications/PreferencesSection';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileSection } from './ProfileSection';
import { TokensSection } from './TokensSection';
import { TotpSection } from './TotpSection';

function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" id={id}>
      <Title order={2} fz="h4" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const signOut = useSignOut();
  if (!session) return null;

  return (
    <>
      <PageHeader title={t('account.title')} />
      <Stack gap="lg">
        <Section title={t('account.profile')}>
          <ProfileSection user={session.user} />
        </Section>
        <Section title={t('account.password')}>
          <ChangePasswordForm />
        </Section>
        <Section title={t('account.twoFactor')}>
          <TotpSection user={session.user} />
        </Section>
        <Section title={t('notifications.preferences.title')} id="notifications">
          <PreferencesSection />
        </Section>
        <Section title={t('account.tokens')}>
          <TokensSection />
        </Section>
        <Section title={t('account.sessions')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('account.sessionsHint')}
            </Text>
            <Button color="red" variant="light" w="fit-content" onClick={() => void signOut(true)}>
              {t('account.signOutEverywhere')}
            </Button>
          </Stack>
        </Section>
      </Stack>
    </>
  );
}
