import { AppShell, Burger, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { CurrentFacilityProvider } from '../facilities/CurrentFacility';
import { NotificationBell } from '../notifications/NotificationBell';
import { FacilitySwitcher } from './FacilitySwitcher';
import { NavAccount, NavFacility } from './NavAccount';
import { LanguageSwitch } from './LanguageSwitch';
import { Navigation } from './Navigation';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below md (62em) the navbar is the burger menu: it then holds the facility, the account and the language,
  // and the header does not (the notification bell stays in the header on every width). Rendered on one side only, so each control exists once on the page.
  const narrow = useMediaQuery('(max-width: 61.99em)', false, { getInitialValueInEffect: false });
  return (
    <CurrentFacilityProvider>
      <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="lg">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('layout.toggleNav')} />
              <Group
                gap={6}
                align="baseline"
                wrap="nowrap"
                renderRoot={(props) => <Link to="/" aria-label={t('layout.home')} {...props} />}
                style={{ textDecoration: 'none' }}
              >
                <Text fw={700} fz="lg" c="teal.8" style={{ whiteSpace: 'nowrap' }}>
                  {t('app.nameJa')}
                </Text>
                <Text c="dimmed" fz="sm" visibleFrom="sm">
                  {t('app.name')}
                </Text>
              </Group>
              {!narrow && <FacilitySwitcher />}
            </Group>
            <Group gap="sm" wrap="nowrap">
              <NotificationBell />
              {!narrow && (
                <>
                  <LanguageSwitch />
                  <UserMenu />
                </>
              )}
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm">
          <AppShell.Section grow component={ScrollArea}>
            {narrow && <NavFacility />}
            <Navigation onNavigate={close} />
            {narrow && <NavAccount onNavigate={close} />}
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main bg="gray.0">
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </CurrentFacilityProvider>
  );
}
