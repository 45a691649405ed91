import { Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader';

export function ComingSoonPage({ feature }: { feature: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`nav.${feature}`)} />
      <Paper withBorder radius="md" p="xl">
        <Stack align="center" gap="sm" py="lg">
          <ThemeIcon variant="light" color="teal" size={48} radius="xl" aria-hidden>
            …
          </ThemeIcon>
          <Text fw={700}>{t('comingSoon.title')}</Text>
          <Text c="dimmed" ta="center" maw={520}>
            {t(`comingSoon.${feature}`)}
          </Text>
        </Stack>
      </Paper>
    </>
  );
}
