import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBlocker, type Blocker } from 'react-router';
import { useWarnBeforeLeaving } from './useWarnBeforeLeaving';

/**
 * While there are unsaved changes, every way out asks first: a link or the side menu inside the app (the router's
 * blocker) and closing or reloading the tab (the browser's own prompt). `allow` lets a page leave on purpose (after
 * saving and navigating itself).
 */
export function useLeaveGuard(dirty: boolean, allow?: () => boolean): Blocker {
  useWarnBeforeLeaving(dirty);
  return useBlocker(({ currentLocation, nextLocation }) => dirty && !allow?.() && currentLocation.pathname !== nextLocation.pathname);
}

/** Asks whether to stay or to leave without saving; `what` names the unsaved thing in the sentence. */
export function LeaveGuardModal({ blocker, what }: { blocker: Blocker; what: string }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t('leave.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('leave.body', { what })}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            {t('leave.stay')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('leave.go')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
