import { Alert, Button, FileInput, Group, List, Stack, Text } from '@mantine/core';
import type { LedgerKind } from '@mamori/domain';
import { useTranslation } from 'react-i18next';

const importAccept = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Props {
  ledger: LedgerKind;
  file: File | null;
  onFile: (file: File | null) => void;
  onRead: () => void;
  busy: boolean;
  error: string | null;
}

/** Step 1: which file. Says in plain words which Excel formats work. */
export function FileStep({ ledger, file, onFile, onRead, busy, error }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={720}>
      <Text>{t(`ledgers.import.intro.${ledger}`)}</Text>
      <Alert color="blue" variant="light" title={t('ledgers.import.formatsTitle')}>
        <List size="sm" spacing={4}>
          <List.Item>{t('ledgers.import.formatXlsx')}</List.Item>
          <List.Item>{t('ledgers.import.formatCsvSjis')}</List.Item>
          <List.Item>{t('ledgers.import.formatCsvUtf8')}</List.Item>
        </List>
        <Text size="sm" mt="xs">
          {t('ledgers.import.formatsNote')}
        </Text>
      </Alert>
      <FileInput
        label={t('ledgers.import.file')}
        description={t('ledgers.import.fileHint')}
        placeholder={t('ledgers.import.filePlaceholder')}
        accept={importAccept}
        value={file}
        onChange={onFile}
        clearable
        error={error ?? undefined}
        // Browser tests set the file on the hidden input: page.getByTestId('ledger-import-file').setInputFiles(…)
        fileInputProps={{ 'data-testid': 'ledger-import-file' } as React.ComponentProps<'input'>}
      />
      <Group>
        <Button onClick={onRead} disabled={!file} loading={busy}>
          {t('ledgers.import.read')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('ledgers.import.nothingWritten')}
      </Text>
    </Stack>
  );
}
