import { Box, Divider, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { useSignOut } from '../auth/useSignOut';
import { useCurrentFacility } from '../facilities/CurrentFacility';
import { FacilitySwitcher } from './FacilitySwitcher';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * On a phone the header has room for the menu button and the logo only, so the menu holds what the header
 * shows on a wide screen: the facility, the account (settings, sign-out) and the language.
 */
export function NavFacility() {
  const { t } = useTranslation();
  const { facilities, current } = useCurrentFacility();
  if (!current) return null;
  // One facility: its whole name, wrapped; several: the switcher, with the chosen name in full beneath it.
  return (
    <Box px="sm" pb="sm">
      <Text size="xs" c="dimmed" fw={700} mb={4}>
        {t('layout.facilitySwitcher')}
      </Text>
      {facilities.length > 1 && <FacilitySwitcher fullWidth />}
      <Text
        size={facilities.length > 1 ? 'xs' : 'sm'}
        fw={700}
        mt={facilities.length > 1 ? 4 : 0}
        data-testid="menu-facility"
        style={{ overflowWrap: 'anywhere' }}
      >
        {current.name}
      </Text>
    </Box>
  );
}

export function NavAccount({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: session } = useSession();
  const signOut = useSignOut();
  if (!session) return null;
  return (
    <Stack gap={2} aria-label={t('layout.userMenu')} role="group">
      <Divider my="sm" />
      <Text size="xs" c="dimmed" fw={700} px="sm">
        {t('layout.account')}
      </Text>
      <Box px="sm" pb={4}>
        <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
          {session.user.name}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {session.user.email}
        </Text>
      </Box>
      <NavLink
        component={Link}
        to="/account"
        label={t('layout.accountSettings')}
        active={pathname === '/account'}
        onClick={onNavigate}
        variant="light"
        color="teal"
      />
      <NavLink component="button" label={t('layout.signOut')} onClick={() => void signOut(false)} />
      <NavLink component="button" label={t('layout.signOutEverywhere')} onClick={() => void signOut(true)} />
      <Box px="sm" pt="sm">
        <LanguageSwitch />
      </Box>
    </Stack>
  );
}
