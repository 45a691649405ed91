import { Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { accessLogCategories } from '@mamori/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showSuccess } from '../api/errors';
import { invalidateAccessLogs, updateLogSource, type LogSource } from './api';
import { mappingBody, mappingValues, type MappingValues } from './column-mapping';
import { useSubmit } from '../common/useSubmit';

const columnFields = ['time', 'user', 'host', 'sourceIp', 'action', 'category'] as const;

/**
 * Which heading of another system's CSV (an EHR's own access log, a UTM's admin log) holds the time, the user and
 * so on. Saved once per source; the source then reads such files as 列の対応を登録したCSV.
 */
export function ColumnMappingSection({ facilityId, source }: { facilityId: string; source: LogSource }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { busy, run } = useSubmit();
  const form = useForm<MappingValues>({
    initialValues: mappingValues(source.columnMapping),
    validate: { time: (v: string) => (v.trim() ? null : t('validation.required')) },
  });
  const save = async (columnMapping: ReturnType<typeof mappingBody> | null) => {
    await run(
      async () => {
        await updateLogSource(source.id, { version: source.version, columnMapping, format: columnMapping ? 'mapped-csv' : null });
        await invalidateAccessLogs(queryClient, facilityId);
        showSuccess(t('common.saved'));
      },
      { form },
    );
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="mapping-title">
      <Title order={3} fz="h6" id="mapping-title">
        {t('accessLogs.mapping.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('accessLogs.mapping.body')}
      </Text>
      <form onSubmit={form.onSubmit((values) => void save(mappingBody(values)))} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {columnFields.map((field) => (
              <TextInput
                key={field}
                label={t(`accessLogs.mapping.columns.${field}`)}
                placeholder={t(`accessLogs.mapping.placeholders.${field}`)}
                required={field === 'time'}
                {...form.getInputProps(field)}
              />
            ))}
          </SimpleGrid>
          {form.values.category.trim() && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {accessLogCategories.map((category) => (
                <TextInput
                  key={category}
                  label={t('accessLogs.mapping.wordsFor', { category: t(`accessLogs.categories.${category}`) })}
                  placeholder={t(`accessLogs.mapping.wordPlaceholders.${category}`)}
                  {...form.getInputProps(`words.${category}`)}
                />
              ))}
            </SimpleGrid>
          )}
          <Group justify="flex-end" gap="sm">
            {source.columnMapping && (
              <Button variant="default" loading={busy} onClick={() => void save(null)}>
                {t('accessLogs.mapping.remove')}
              </Button>
            )}
            <Button type="submit" loading={busy}>
              {t('accessLogs.mapping.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
