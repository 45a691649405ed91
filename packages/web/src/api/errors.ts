import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import i18n from '../i18n';
import { ApiError } from './client';

interface FieldErrorTarget {
  setFieldError: (path: string, error: string) => void;
}

/** Server paths look like `body.email`; forms know the field as `email`. */
export function fieldOf(path: string): string {
  return path.replace(/^(body|query|params)\.?/, '');
}

/** Mirrors field codes the server reports without a `details` path onto the form field they belong to. */
const codeFields: Record<string, string> = {
  bed_count_required: 'bedCount',
  bed_count_not_allowed: 'bedCount',
  wrong_password: 'currentPassword',
  totp_invalid: 'code',
  log_source_name_taken: 'name',
  log_source_address_taken: 'syslogAddress',
};

export function showError(error: unknown): void {
  const message = error instanceof ApiError ? error.message : i18n.t('errors.unknown');
  notifications.show({ color: 'red', title: i18n.t('errors.title'), message, autoClose: 8000 });
}

export function showSuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}

/**
 * Shows a server error where the user will look for it: next to the field when the server names one,
 * otherwise as a notification. A version conflict reloads the data, since the screen is now stale.
 */
export function useApiErrorHandler() {
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown, form?: FieldErrorTarget) => {
      if (!(error instanceof ApiError)) {
        showError(error);
        return;
      }
      if (error.code === 'version_conflict') {
        notifications.show({
          color: 'orange',
          title: i18n.t('errors.conflictTitle'),
          message: error.message,
          autoClose: 10000,
        });
        void queryClient.invalidateQueries();
        return;
      }
      if (form) {
        const codeField = codeFields[error.code];
        if (codeField) {
          // The catalog message is localized and plain; prefer it over the raw detail text.
          form.setFieldError(codeField, error.message);
          return;
        }
        let placed = false;
        for (const detail of error.details) {
          const field = fieldOf(detail.path);
          if (field) {
            form.setFieldError(field, detail.message);
            placed = true;
          }
        }
        if (placed) {
          notifications.show({ color: 'red', title: i18n.t('errors.title'), message: i18n.t('errors.checkFields') });
          return;
        }
      }
      showError(error);
    },
    [queryClient],
  );
}
