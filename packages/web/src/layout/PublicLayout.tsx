import type { ReactNode } from 'react';
import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** Frame for screens shown before sign-in: setup, login, invitation, forced account steps. */
export function PublicLayout({ title, children, width = 460 }: { title: string; children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0" py="xl">
      <Container size={width}>
        <Stack gap="lg">
          <Group justify="space-between" align="center">
            <Group gap={8} align="baseline">
              <Text fw={700} fz="xl" c="teal.8">
                {t('app.nameJa')}
              </Text>
              <Text c="dimmed" fz="sm">
                {t('app.name')}
              </Text>
            </Group>
            <LanguageSwitch />
          </Group>
          <Paper withBorder shadow="xs" radius="md" p="xl">
            <Stack gap="md">
              <Title order={1} fz="h3">
                {title}
              </Title>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
