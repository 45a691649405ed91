import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" title={t('notFound.title')}>
      {t('notFound.body')}{' '}
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Alert>
  );
}
