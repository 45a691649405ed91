import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { accessLogCategories, accessLogOutcomes } from '@mamori/domain';
import { useTranslation } from 'react-i18next';
import type { EventQuery } from './api';

interface Values {
  user: string;
  host: string;
  action: string;
  sourceIp: string;
  category: string | null;
  outcome: string | null;
}

const empty: Values = { user: '', host: '', action: '', sourceIp: '', category: null, outcome: null };

/** The filters as the API takes them: what was left empty is no filter. */
function eventQuery(values: Values): EventQuery {
  const query: EventQuery = {};
  for (const key of ['user', 'host', 'action', 'sourceIp'] as const) if (values[key].trim()) query[key] = values[key].trim();
  if (values.category) query.category = values.category as EventQuery['category'];
  if (values.outcome) query.outcome = values.outcome as EventQuery['outcome'];
  return query;
}

/** Who, on which machine, did what, from where: exact user, host and address; any part of the operation. */
export function EventFilters({ onApply }: { onApply: (query: EventQuery) => void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({ initialValues: empty });
  return (
    <form onSubmit={form.onSubmit((values) => onApply(eventQuery(values)))} noValidate aria-label={t('accessLogs.search.filters')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
          <TextInput label={t('accessLogs.search.user')} placeholder="tanaka" maxLength={200} {...form.getInputProps('user')} />
          <TextInput label={t('accessLogs.search.host')} placeholder="emr-server" maxLength={200} {...form.getInputProps('host')} />
          <TextInput label={t('accessLogs.search.sourceIp')} placeholder="192.168.1.10" maxLength={100} {...form.getInputProps('sourceIp')} />
          <TextInput label={t('accessLogs.search.action')} description={t('accessLogs.search.actionHint')} maxLength={200} {...form.getInputProps('action')} />
          <Select
            label={t('accessLogs.search.category')}
            placeholder={t('accessLogs.search.any')}
            data={accessLogCategories.map((c) => ({ value: c, label: t(`accessLogs.categories.${c}`) }))}
            clearable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('category')}
          />
          <Select
            label={t('accessLogs.search.outcome')}
            placeholder={t('accessLogs.search.any')}
            data={accessLogOutcomes.map((o) => ({ value: o, label: t(`accessLogs.outcomes.${o}`) }))}
            clearable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('outcome')}
          />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit">{t('accessLogs.search.submit')}</Button>
          <Button
            variant="default"
            onClick={() => {
              form.setValues(empty);
              onApply({});
            }}
          >
            {t('accessLogs.search.clear')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
