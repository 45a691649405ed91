import { Accordion, Badge, Drawer, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pick } from './model';
import { fyName } from './problems';
import type { EditionItem } from './queries';

export function HelpDrawer({ item, name, onClose }: { item: EditionItem | null; name: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Drawer
      opened={!!item}
      onClose={onClose}
      position="right"
      size="lg"
      title={item ? t('checklist.help.title', { item: name }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {item && (
        <Stack gap="lg">
          <Text fw={700}>{pick(item.text, language)}</Text>
          {item.requirement === 'reference' && item.dueFiscalYear && (
            <Text size="sm" c="dimmed">
              {t('checklist.help.reference', { fy: fyName(item.dueFiscalYear, language) })}
            </Text>
          )}
          {item.flags.vendorContractOnly && (
            <Text size="sm" c="dimmed">
              {t('checklist.help.vendorOnly')}
            </Text>
          )}
          <Stack gap={4}>
            <Title order={3} fz="h5">
              {t('checklist.help.meaning')}
            </Title>
            <Text size="sm">{pick(item.explanation, language)}</Text>
          </Stack>
          <Stack gap={4}>
            <Title order={3} fz="h5">
              {t('checklist.help.howToCheck')}
            </Title>
            <Text size="sm">{pick(item.howToCheck, language)}</Text>
          </Stack>
          {item.faq.length > 0 && (
            <Stack gap={4}>
              <Title order={3} fz="h5">
                {t('checklist.help.faq')}
              </Title>
              <Accordion variant="separated" multiple defaultValue={[item.faq[0]!.ref]}>
                {item.faq.map((f) => (
                  <Accordion.Item key={f.ref} value={f.ref}>
                    <Accordion.Control>
                      <Group gap="xs" wrap="nowrap" align="flex-start">
                        <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                          Q&A {f.ref}
                        </Badge>
                        <Text size="sm">{pick(f.question, language)}</Text>
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      <Text size="sm">{pick(f.answer, language)}</Text>
                    </Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
            </Stack>
          )}
          {item.guidelineRefs.length > 0 && (
            <Stack gap={4}>
              <Title order={3} fz="h5">
                {t('checklist.help.guideline')}
              </Title>
              <List size="sm">
                {item.guidelineRefs.map((ref) => (
                  <List.Item key={ref}>{ref}</List.Item>
                ))}
              </List>
            </Stack>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
