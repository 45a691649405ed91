import { useState } from 'react';
import { Alert, Autocomplete, Button, Drawer, Group, Select, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { showSuccess, useApiErrorHandler } from '../api/errors';
import { createContract, invalidateContracts, updateContract, type ContractView } from './api';

interface Values {
  vendorName: string;
  title: string;
  systems: string[];
  maintenanceContract: boolean;
  remoteMaintenance: boolean;
  handlesPatientData: boolean;
  primeContractId: string | null;
  contactName: string;
  contactEmail: string;
  notes: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Add or edit one vendor contract: who, what for, which systems, maintenance, and the prime contractor. */
export function ContractDrawer({
  facilityId,
  contract,
  contracts,
  opened,
  onClose,
}: {
  facilityId: string;
  /** null: a new contract. */
  contract: ContractView | null;
  /** The facility's contracts: existing vendors to pick and prime contracts to choose from. */
  contracts: ContractView[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // Kept outside the form: a conflict reloads the contract and the form starts again from the newest version.
  const [conflict, setConflict] = useState<string | null>(null);
  const close = () => {
    setConflict(null);
    onClose();
  };
  return (
    <Drawer
      opened={opened}
      onClose={close}
      position="right"
      size="lg"
      padding="lg"
      title={contract ? t('contracts.form.editTitle', { title: contract.title }) : t('contracts.form.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {conflict && (
        <Alert color="orange" title={t('contracts.form.conflictTitle')} role="alert" mb="md">
          <Text size="sm">{conflict}</Text>
          <Text size="sm">{t('contracts.form.conflictBody')}</Text>
        </Alert>
      )}
      {opened && (
        <ContractForm
          key={contract ? `${contract.id}-${contract.version}` : 'new'}
          facilityId={facilityId}
          contract={contract}
          contracts={contracts}
          onDone={close}
          onConflict={setConflict}
        />
      )}
    </Drawer>
  );
}

function ContractForm({
  facilityId,
  contract,
  contracts,
  onDone,
  onConflict,
}: {
  facilityId: string;
  contract: ContractView | null;
  contracts: ContractView[];
  onDone: () => void;
  onConflict: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);

  // Vendors this facility already contracts with, by name (a new contract may reuse one).
  const vendors = new Map<string, string>();
  for (const c of contracts) vendors.set(c.vendor.name, c.vendor.id);
  const systemSuggestions = t('contracts.systemSuggestions', { returnObjects: true }) as string[];
  // A contract cannot be its own prime, nor the prime of the contract it works under.
  const primeOptions = contracts
    .filter((c) => !contract || (c.id !== contract.id && c.primeContract?.id !== contract.id))
    .map((c) => ({ value: c.id, label: `${c.vendor.name}（${c.title}）` }));

  const form = useForm<Values>({
    initialValues: contract
      ? {
          vendorName: contract.vendor.name,
          title: contract.title,
          systems: contract.systems,
          maintenanceContract: contract.maintenanceContract,
          remoteMaintenance: contract.remoteMaintenance,
          handlesPatientData: contract.handlesPatientData,
          primeContractId: contract.primeContract?.id ?? null,
          contactName: contract.contactName,
          contactEmail: contract.contactEmail,
          notes: contract.notes,
        }
      : {
          vendorName: '',
          title: '',
          systems: [],
          maintenanceContract: true,
          remoteMaintenance: false,
          handlesPatientData: true,
          primeContractId: null,
          contactName: '',
          contactEmail: '',
          notes: '',
        },
    validate: {
      vendorName: (v) => (contract || v.trim() ? null : t('contracts.form.vendorRequired')),
      title: (v) => (v.trim() ? null : t('contracts.form.titleRequired')),
      systems: (v) => (v.length > 0 ? null : t('contracts.form.systemsRequired')),
      contactEmail: (v) => (!v.trim() || emailPattern.test(v.trim()) ? null : t('validation.email')),
    },
  });

  const existingVendorId = vendors.get(form.values.vendorName.trim());

  const submit = form.onSubmit(async (values) => {
    const fields = {
      title: values.title.trim(),
      systems: values.systems.map((s) => s.trim()).filter(Boolean),
      maintenanceContract: values.maintenanceContract,
      remoteMaintenance: values.remoteMaintenance,
      handlesPatientData: values.handlesPatientData,
      primeContractId: values.primeContractId,
      contactName: values.contactName.trim(),
      contactEmail: values.contactEmail.trim(),
      notes: values.notes.trim(),
    };
    setBusy(true);
    onConflict(null);
    try {
      if (contract) {
        await updateContract(contract.id, { ...fields, version: contract.version });
        showSuccess(t('common.saved'));
      } else {
        const name = values.vendorName.trim();
        const vendorId = vendors.get(name);
        await createContract(facilityId, vendorId ? { ...fields, vendorId } : { ...fields, vendorName: name });
        showSuccess(t('contracts.form.created', { vendor: name, title: fields.title }));
      }
      await invalidateContracts(queryClient);
      onDone();
    } catch (error) {
      if (isApiError(error, 'version_conflict')) {
        onConflict(error.message);
        await invalidateContracts(queryClient);
      } else {
        handleError(error, form);
      }
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {contract ? (
          <TextInput
            label={t('contracts.fields.vendor')}
            value={contract.vendor.name}
            readOnly
            variant="filled"
            description={t('contracts.form.vendorFixed')}
          />
        ) : (
          <Autocomplete
            label={t('contracts.fields.vendor')}
            description={vendors.size ? t('contracts.form.vendorHintExisting') : t('contracts.form.vendorHint')}
            placeholder={t('contracts.form.vendorPlaceholder')}
            data={[...vendors.keys()]}
            required
            maxLength={200}
            data-autofocus
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('vendorName')}
          />
        )}
        {!contract && form.values.vendorName.trim() && (
          <Text size="xs" c="dimmed" mt={-8}>
            {existingVendorId ? t('contracts.form.vendorExisting') : t('contracts.form.vendorNew')}
          </Text>
        )}
        <TextInput
          label={t('contracts.fields.title')}
          description={t('contracts.form.titleHint')}
          placeholder={t('contracts.form.titlePlaceholder')}
          required
          maxLength={200}
          {...form.getInputProps('title')}
        />
        <TagsInput
          label={t('contracts.fields.systems')}
          description={t('contracts.form.systemsHint')}
          placeholder={t('contracts.form.systemsPlaceholder')}
          data={systemSuggestions}
          required
          clearable
          maxTags={50}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('systems')}
        />
        <Switch
          label={t('contracts.fields.maintenanceContract')}
          description={t('contracts.form.maintenanceHint')}
          {...form.getInputProps('maintenanceContract', { type: 'checkbox' })}
        />
        <Switch
          label={t('contracts.fields.remoteMaintenance')}
          description={t('contracts.form.remoteHint')}
          {...form.getInputProps('remoteMaintenance', { type: 'checkbox' })}
        />
        <Switch
          label={t('contracts.fields.handlesPatientData')}
          description={t('contracts.form.patientDataHint')}
          {...form.getInputProps('handlesPatientData', { type: 'checkbox' })}
        />
        <Select
          label={t('contracts.fields.primeContract')}
          description={t('contracts.form.primeHint')}
          placeholder={t('contracts.form.primeNone')}
          data={primeOptions}
          clearable
          disabled={primeOptions.length === 0}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('primeContractId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('contracts.fields.contactName')}
            placeholder={t('contracts.form.contactNamePlaceholder')}
            maxLength={100}
            {...form.getInputProps('contactName')}
          />
          <TextInput
            label={t('contracts.fields.contactEmail')}
            description={t('contracts.form.contactEmailHint')}
            placeholder="tanto@example.co.jp"
            type="email"
            maxLength={254}
            {...form.getInputProps('contactEmail')}
          />
        </SimpleGrid>
        <Textarea label={t('contracts.fields.notes')} autosize minRows={2} maxLength={4000} {...form.getInputProps('notes')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {contract ? t('common.save') : t('contracts.form.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
