import { useState, type ReactElement, type ReactNode } from 'react';
import { Button, Group, Popover, Stack, Text, type PopoverProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A delete button that asks first: the target toggles a popover with the message, Cancel and a red
 * confirm button. The popover owns its opened state; `onConfirm` gets `close` to call once the delete worked.
 */
export function ConfirmDeletePopover({
  target,
  message,
  busy,
  onConfirm,
  confirmLabel,
  position = 'bottom-end',
  maw = 260,
}: {
  /** The button that opens the popover; it must pass `onClick` on (and accept a ref, as Mantine buttons do). */
  target: (props: { onClick: () => void }) => ReactElement;
  message: ReactNode;
  busy: boolean;
  onConfirm: (close: () => void) => void;
  /** Defaults to common.delete. */
  confirmLabel?: ReactNode;
  position?: PopoverProps['position'];
  maw?: number;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const close = () => setOpened(false);
  return (
    <Popover opened={opened} onChange={setOpened} withArrow trapFocus position={position}>
      <Popover.Target>{target({ onClick: () => setOpened((o) => !o) })}</Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" maw={maw}>
          <Text size="sm">{message}</Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" color="red" loading={busy} onClick={() => onConfirm(close)}>
              {confirmLabel ?? t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
