import { Anchor, Collapse, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** What checklist item 2(6) asks, in plain words for someone who is not an IT specialist, with where it comes from. */
export function AboutAccessLogs({ defaultOpen }: { defaultOpen: boolean }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(defaultOpen);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="about-access-logs" bg="gray.0">
      <Stack gap="xs">
        <Title order={2} fz="h5" id="about-access-logs">
          {t('accessLogs.about.title')}
        </Title>
        <Text size="sm">{t('accessLogs.about.lead')}</Text>
        <Collapse expanded={opened}>
          <Stack gap="xs">
            <List size="sm" spacing={4}>
              <List.Item>{t('accessLogs.about.keep')}</List.Item>
              <List.Item>{t('accessLogs.about.review')}</List.Item>
              <List.Item>{t('accessLogs.about.alerts')}</List.Item>
              <List.Item>{t('accessLogs.about.protect')}</List.Item>
            </List>
            <Text size="sm">{t('accessLogs.about.howMamori')}</Text>
            <Text size="xs" c="dimmed">
              {t('accessLogs.about.source')}
            </Text>
          </Stack>
        </Collapse>
        <Anchor component="button" type="button" size="sm" onClick={toggle} aria-expanded={opened} style={{ alignSelf: 'flex-start' }}>
          {opened ? t('accessLogs.about.less') : t('accessLogs.about.more')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
