import { useState } from 'react';
import { Button, type ButtonProps, type PopoverProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import { ConfirmDeletePopover } from './ConfirmDeletePopover';

/**
 * A red "delete" button that asks first, then runs `action` (the request and whatever must reload after it).
 * When it worked: the `success` toast, the popover closes, `onDone` runs; a failure goes to the API error handler.
 */
export function DeleteAction({
  label,
  message,
  success,
  action,
  onDone,
  size = 'xs',
  confirmLabel,
  position,
  maw,
}: {
  /** The button's accessible name, naming what goes, e.g. 「…のバックアップを削除」. */
  label: string;
  message: string;
  success: string;
  action: () => Promise<unknown>;
  onDone?: () => void;
  size?: ButtonProps['size'];
  confirmLabel?: string;
  position?: PopoverProps['position'];
  maw?: number;
}) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  const remove = async (close: () => void) => {
    setBusy(true);
    try {
      await action();
      showSuccess(success);
      close();
      onDone?.();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmDeletePopover
      target={({ onClick }) => (
        <Button size={size} variant="subtle" color="red" onClick={onClick} aria-label={label}>
          {t('common.delete')}
        </Button>
      )}
      message={message}
      busy={busy}
      onConfirm={(close) => void remove(close)}
      confirmLabel={confirmLabel}
      position={position}
      maw={maw}
    />
  );
}
