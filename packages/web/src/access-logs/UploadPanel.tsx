import { useState, type ComponentProps } from 'react';
import { Alert, Button, FileInput, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { invalidateAccessLogs, uploadLogFile, type LogSource } from './api';
import { autoFormat, formatFromSelect, formatOptions } from './formats';
import { uploadResultMessage, type IngestCounts } from './words';
import { useSubmit } from '../common/useSubmit';

/** ログを取り込む: a log file copied off the server (auth.log, a Windows event CSV …) appended to the source's log. */
export function UploadPanel({ facilityId, source }: { facilityId: string; source: LogSource }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  // The source's own format until the person picks another for this file.
  const [picked, setPicked] = useState<string | null>(null);
  const format = picked ?? source.format ?? autoFormat;
  const { busy, run } = useSubmit();
  const [result, setResult] = useState<{ name: string; counts: IngestCounts } | null>(null);

  const upload = async () => {
    if (!file) return;
    setResult(null);
    await run(async () => {
      const counts = await uploadLogFile(source.id, file, formatFromSelect(format));
      setResult({ name: file.name, counts });
      setFile(null);
      await invalidateAccessLogs(queryClient, facilityId);
    });
  };

  const message = result && uploadResultMessage(result.counts);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="upload-title">
      <Stack gap="sm">
        <Title order={2} fz="h5" id="upload-title">
          {t('accessLogs.upload.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('accessLogs.upload.description')}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput
            label={t('accessLogs.upload.file')}
            placeholder={t('accessLogs.upload.filePlaceholder')}
            value={file}
            onChange={setFile}
            clearable
            style={{ flex: '1 1 240px' }}
            // Browser tests set the file on the hidden input: page.getByTestId('log-upload-file').setInputFiles(…)
            fileInputProps={{ 'data-testid': 'log-upload-file' } as ComponentProps<'input'>}
          />
          <Select
            label={t('accessLogs.upload.format')}
            data={formatOptions(t, source.columnMapping !== null)}
            value={format}
            onChange={setPicked}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            style={{ flex: '1 1 200px' }}
          />
          <Button onClick={() => void upload()} loading={busy} disabled={!file}>
            {t('accessLogs.upload.submit')}
          </Button>
        </Group>
        {result && message && (
          <Alert color={result.counts.raw > 0 ? 'yellow' : 'teal'} title={t('accessLogs.upload.doneTitle', { name: result.name })} role="status">
            <Text size="sm" data-testid="upload-result">
              {t(message.key, message.values)}
            </Text>
            {result.counts.raw > 0 && <Text size="sm">{t('accessLogs.upload.rawHint')}</Text>}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
