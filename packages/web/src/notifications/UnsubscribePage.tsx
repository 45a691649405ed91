import { Alert, Button, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { FullPageLoader } from '../layout/FullPageLoader';
import { PublicLayout } from '../layout/PublicLayout';
import { unsubscribe, useUnsubscribePreview } from './api';

/**
 * /unsubscribe/:token, the link at the foot of every reminder e-mail: works without signing in, and asks before it
 * turns the kind off (mail programs and link scanners open links on their own).
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const preview = useUnsubscribePreview(token);
  const stop = useMutation({ mutationFn: () => unsubscribe(token) });

  if (preview.isLoading) return <FullPageLoader />;
  const toLogin = (
    <Button component={Link} to="/login" variant="default" w="fit-content">
      {t('notifications.unsubscribe.toLogin')}
    </Button>
  );
  if (preview.isError || !preview.data) {
    const invalid = preview.error instanceof ApiError && preview.error.status === 404;
    return (
      <PublicLayout title={t('notifications.unsubscribe.title')}>
        <Alert color="orange" role="alert">
          {invalid ? t('notifications.unsubscribe.invalid') : preview.error instanceof ApiError ? preview.error.message : t('errors.unknown')}
        </Alert>
        {toLogin}
      </PublicLayout>
    );
  }
  const kind = preview.data.kindLabel;
  const done = stop.isSuccess || preview.data.mode === 'off';
  return (
    <PublicLayout title={t('notifications.unsubscribe.title')}>
      {done ? (
        <Alert color="teal" role="status">
          {t(stop.isSuccess ? 'notifications.unsubscribe.done' : 'notifications.unsubscribe.alreadyOff', { kind })}
        </Alert>
      ) : (
        <>
          <Text>{t('notifications.unsubscribe.confirm', { kind })}</Text>
          {stop.isError && (
            <Alert color="red" role="alert">
              {stop.error instanceof ApiError ? stop.error.message : t('errors.unknown')}
            </Alert>
          )}
          <Button color="red" w="fit-content" loading={stop.isPending} onClick={() => stop.mutate()}>
            {t('notifications.unsubscribe.button')}
          </Button>
        </>
      )}
      <Text size="sm" c="dimmed">
        {t('notifications.unsubscribe.howToUndo')}
      </Text>
      {toLogin}
    </PublicLayout>
  );
}
