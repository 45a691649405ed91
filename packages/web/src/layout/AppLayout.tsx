import { AppShell, Box, Burger, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { CurrentFacilityProvider } from '../facilities/CurrentFacility';
import { FacilitySwitcher } from './FacilitySwitcher';
import { NavAccount, NavFacility } from './NavAccount';
import { LanguageSwitch } from './LanguageSwitch';
import { Navigation } from './Navigation';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <CurrentFacilityProvider>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 240, breakpoint: 'md', collapsed: { mobile: !opened } }}
        padding="lg"
      >
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
              {/* Below md the menu holds the facility, the account and the language (NavAccount). */}
              <Box visibleFrom="md">
                <FacilitySwitcher />
              </Box>
            </Group>
            <Group gap="sm" wrap="nowrap" visibleFrom="md">
              <LanguageSwitch />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm">
          <AppShell.Section grow component={ScrollArea}>
            <Box hiddenFrom="md">
              <NavFacility />
            </Box>
            <Navigation onNavigate={close} />
            <Box hiddenFrom="md">
              <NavAccount onNavigate={close} />
            </Box>
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main bg="gray.0">
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </CurrentFacilityProvider>
  );
}
