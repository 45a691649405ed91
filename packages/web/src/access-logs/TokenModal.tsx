import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../common/CopyField';
import { ingestCommand } from './words';

/**
 * A source's ingest token, shown once when it is made or reissued (Mamori keeps only its hash), with the command a
 * server's script runs to send its log with it.
 */
export function TokenModal({ sourceName, token, onClose }: { sourceName: string; token: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const command = token ? ingestCommand(window.location.origin, token) : '';
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title={t('accessLogs.token.title', { name: sourceName })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      {token && (
        <Stack gap="md">
          <Alert color="yellow" title={t('accessLogs.token.onceTitle')}>
            <Text size="sm">{t('accessLogs.token.onceBody')}</Text>
          </Alert>
          <CopyField label={t('accessLogs.token.label')} value={token} />
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              {t('accessLogs.token.commandTitle')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('accessLogs.token.commandBody')}
            </Text>
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="ingest-command">
              {command}
            </Code>
            <Group>
              <CopyButton value={command} timeout={3000}>
                {({ copied, copy }) => (
                  <Button size="xs" variant={copied ? 'light' : 'default'} color={copied ? 'teal' : undefined} onClick={copy}>
                    {copied ? t('common.copied') : t('accessLogs.token.copyCommand')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('accessLogs.token.uploadHint')}
            </Text>
          </Stack>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('accessLogs.token.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
