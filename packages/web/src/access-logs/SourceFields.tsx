import { Autocomplete, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, request } from '../api/client';
import { useAllRecords } from '../ledgers/api';
import { recordLabel } from '../ledgers/records';
import type { LogSource, NewLogSource } from './api';
import { autoFormat, formatFromSelect, formatOptions } from './formats';

/** A source as its form holds it: empty text for "none", 自動判定 as its own value. */
export interface SourceValues {
  name: string;
  assetId: string | null;
  accountSystem: string;
  timeZone: string;
  format: string;
  syslogAddress: string;
}

export const emptySource: SourceValues = { name: '', assetId: null, accountSystem: '', timeZone: 'Asia/Tokyo', format: autoFormat, syslogAddress: '' };

export function sourceValues(source: LogSource): SourceValues {
  return {
    name: source.name,
    assetId: source.assetId,
    accountSystem: source.accountSystem ?? '',
    timeZone: source.timeZone,
    format: source.format ?? autoFormat,
    syslogAddress: source.syslogAddress ?? '',
  };
}

/** The body the API takes (the column mapping is not edited here). */
export function sourceBody(values: SourceValues): Omit<NewLogSource, 'columnMapping'> {
  return {
    name: values.name.trim(),
    assetId: values.assetId || null,
    accountSystem: values.accountSystem.trim() || null,
    timeZone: values.timeZone.trim() || 'Asia/Tokyo',
    format: formatFromSelect(values.format),
    syslogAddress: values.syslogAddress.trim() || null,
  };
}

export const validateSource = (t: (key: string) => string) => ({
  name: (v: string) => (v.trim() ? null : t('validation.required')),
});

/** The asset ledger's machines to link a source to (its server), when the person may read the ledger. */
function useAssetOptions(facilityId: string, enabled: boolean) {
  const assets = useAllRecords(facilityId, 'assets', enabled);
  return (assets.data ?? []).map((asset) => ({ value: asset.id, label: recordLabel('assets', asset) }));
}

/** The account ledger's systems, offered as suggestions; any text may still be typed. */
function useAccountSystems(facilityId: string, enabled: boolean) {
  const systems = useQuery({
    queryKey: ['ledgers', facilityId, 'account-systems'],
    queryFn: () => request(client.GET('/facilities/{facilityId}/account-systems', { params: { path: { facilityId } } })),
    enabled: !!facilityId && enabled,
  });
  return (systems.data ?? []).map((s) => s.system).filter(Boolean);
}

/** The fields of a log source, for adding one and for its settings. */
export function SourceFields({
  facilityId,
  form,
  canReadLedgers,
  hasMapping,
}: {
  facilityId: string;
  form: UseFormReturnType<SourceValues>;
  canReadLedgers: boolean;
  hasMapping: boolean;
}) {
  const { t } = useTranslation();
  const assets = useAssetOptions(facilityId, canReadLedgers);
  const systems = useAccountSystems(facilityId, canReadLedgers);
  return (
    <Stack gap="md">
      <TextInput
        label={t('accessLogs.source.fields.name')}
        description={t('accessLogs.source.hints.name')}
        placeholder={t('accessLogs.source.placeholders.name')}
        required
        maxLength={100}
        data-autofocus
        {...form.getInputProps('name')}
      />
      <Select
        label={t('accessLogs.source.fields.asset')}
        description={t('accessLogs.source.hints.asset')}
        placeholder={assets.length ? t('accessLogs.source.placeholders.asset') : t('accessLogs.source.placeholders.noAssets')}
        data={assets}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('assetId')}
      />
      <Autocomplete
        label={t('accessLogs.source.fields.accountSystem')}
        description={t('accessLogs.source.hints.accountSystem')}
        placeholder={t('accessLogs.source.placeholders.accountSystem')}
        data={systems}
        maxLength={200}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('accountSystem')}
      />
      <Select
        label={t('accessLogs.source.fields.format')}
        description={t('accessLogs.source.hints.format')}
        data={formatOptions(t, hasMapping)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('format')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('accessLogs.source.fields.timeZone')}
          description={t('accessLogs.source.hints.timeZone')}
          maxLength={100}
          {...form.getInputProps('timeZone')}
        />
        <TextInput
          label={t('accessLogs.source.fields.syslogAddress')}
          description={t('accessLogs.source.hints.syslogAddress')}
          placeholder="192.168.1.10"
          maxLength={100}
          {...form.getInputProps('syslogAddress')}
        />
      </SimpleGrid>
    </Stack>
  );
}
