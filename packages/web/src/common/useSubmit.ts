import { useCallback, useState } from 'react';
import { useApiErrorHandler } from '../api/errors';

type ErrorHandler = ReturnType<typeof useApiErrorHandler>;

/**
 * A save or upload as the app runs them: `busy` while it runs, and a failure shown by the one error handler
 * (on the form's fields when a form is given; a version conflict reloads what changed). `onError` sees the error
 * after that, for what a page does besides (close an editor that is now stale).
 */
export function useSubmit() {
  const handleError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (work: () => Promise<void>, options: { form?: Parameters<ErrorHandler>[1]; onError?: (error: unknown) => void } = {}) => {
      setBusy(true);
      try {
        await work();
      } catch (error) {
        handleError(error, options.form);
        options.onError?.(error);
      } finally {
        setBusy(false);
      }
    },
    [handleError],
  );
  return { busy, run };
}
